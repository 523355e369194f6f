import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { LanguageProvider } from '../src/i18n/language';
import type { Language } from '../src/i18n/messages';
import { choiceFieldId, otherFieldId, type Choice, type Conflict } from '../src/pages/compile/compile-logic';
import { ConflictForm } from '../src/pages/compile/conflict-form';

const CONFLICTS: Conflict[] = [
  {
    code: 'K1.P1',
    problem: 'Unit memberi jawaban berbeda untuk K1.P1',
    values: [
      { unit: 'Dinas Kesehatan', value: 75.5 },
      { unit: 'Dinas Pendidikan', value: 60 },
    ],
  },
  { code: 'K2.S1', problem: 'Unit memberi jawaban berbeda untuk K2.S1', values: [{ unit: 'Dinas Kesehatan', value: true }, { unit: 'Dinas Pendidikan', value: false }] },
];

/** The form as the page holds it: choices in state, problems handed in from outside. */
function Harness(props: { problems?: { summary: { fieldId: string | null; text: string }[]; fields: Record<string, string> }; onSubmit?: (choices: Record<string, Choice>) => void }) {
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  return (
    <ConflictForm
      conflicts={CONFLICTS}
      choices={choices}
      onChange={(code, choice) => setChoices((all) => ({ ...all, [code]: choice }))}
      summary={props.problems?.summary ?? []}
      fieldProblems={props.problems?.fields ?? {}}
      busy={false}
      onSubmit={() => props.onSubmit?.(choices)}
    />
  );
}

function renderForm(props: Parameters<typeof Harness>[0], language: Language = 'id') {
  render(
    <MantineProvider>
      <LanguageProvider initial={language}>
        <Harness {...props} />
      </LanguageProvider>
    </MantineProvider>,
  );
}

describe('the conflict form', () => {
  it('asks for each disagreement which answer stands, with every unit’s value written the Indonesian way', () => {
    renderForm({});
    const group = screen.getByRole('radiogroup', { name: /Jawaban yang berlaku untuk K1\.P1/ });
    expect(group).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Dinas Kesehatan: 75,5' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Dinas Pendidikan: tidak' })).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: 'Jawaban lain' })).toHaveLength(2);
    // The first choice carries the id the error summary links to.
    expect(screen.getByRole('radio', { name: 'Dinas Kesehatan: 75,5' }).id).toBe(choiceFieldId('K1.P1'));
  });

  it('offers a labelled field for another answer only once “another answer” is chosen, and hands the choices over on submit', async () => {
    const onSubmit = jest.fn();
    renderForm({ onSubmit }, 'en');
    expect(screen.queryByLabelText(/Another answer for K1\.P1/)).toBeNull();
    fireEvent.click(screen.getAllByRole('radio', { name: 'Another answer' })[0]);
    fireEvent.change(screen.getByLabelText(/Another answer for K1\.P1/), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Dinas Pendidikan: no' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Use these answers and compile again' }));
    });
    expect(onSubmit).toHaveBeenCalledWith({ 'K1.P1': { pick: 'other', other: '70' }, 'K2.S1': { pick: 1, other: '' } });
  });

  it('shows each problem in the summary, linked to its field, and beside the field', () => {
    const text = 'Pilih jawaban yang berlaku untuk K2.S1';
    renderForm({ problems: { summary: [{ fieldId: choiceFieldId('K2.S1'), text }], fields: { [choiceFieldId('K2.S1')]: text, [otherFieldId('K1.P1')]: 'unused' } } });
    const summary = screen.getByTestId('error-summary');
    expect(summary.querySelector('a')?.getAttribute('href')).toBe(`#${choiceFieldId('K2.S1')}`);
    expect(screen.getAllByText(text)).toHaveLength(2);
    fireEvent.click(screen.getByRole('link', { name: text }));
    expect(document.activeElement?.id).toBe(choiceFieldId('K2.S1'));
  });
});
