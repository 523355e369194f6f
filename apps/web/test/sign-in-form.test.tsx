import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { LanguageProvider } from '../src/i18n/language';
import type { Language } from '../src/i18n/messages';
import { problemsFromApiError } from '../src/lib/sign-in-errors';
import { SignInForm, type SignInFormProps } from '../src/pages/sign-in-form';

function renderForm(props: Partial<SignInFormProps>, language: Language = 'id') {
  const signIn = props.signIn ?? jest.fn(async () => ({ ok: true as const }));
  const onSignedIn = props.onSignedIn ?? jest.fn();
  render(
    <MantineProvider>
      <LanguageProvider initial={language}>
        <SignInForm signIn={signIn} onSignedIn={onSignedIn} requestReset={props.requestReset} />
      </LanguageProvider>
    </MantineProvider>,
  );
  return { signIn, onSignedIn };
}

const fill = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: /^(Masuk|Sign in)$/ }));
  });
};
const summaryLinks = () =>
  Array.from(screen.getByTestId('error-summary').querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);

describe('the sign-in form', () => {
  it('lists empty fields in the error summary, each linked to its field, and sends nothing', async () => {
    const { signIn } = renderForm({});
    await submit();
    expect(summaryLinks()).toEqual([
      ['Masukkan email Anda', '#sign-in-email'],
      ['Masukkan kata sandi Anda', '#sign-in-password'],
    ]);
    expect(signIn).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByTestId('error-summary'));
    // The field carries its message too, and the link moves focus to it.
    expect(screen.getByLabelText(/^Email/).getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('link', { name: 'Masukkan email Anda' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Email/));
  });

  it('shows the API’s own message for wrong credentials, in the language it answered in, not pinned to a field', async () => {
    const refusal = { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password.', requestId: 'r1' };
    const { signIn, onSignedIn } = renderForm({ signIn: jest.fn(async () => ({ ok: false as const, error: refusal })) }, 'en');
    fill(/^Email/, 'operator@demo.peduli.local');
    fill(/^Password/, 'salah');
    await submit();
    expect(signIn).toHaveBeenCalledWith('operator@demo.peduli.local', 'salah');
    expect(screen.getByTestId('error-summary').textContent).toContain('Wrong email or password.');
    expect(summaryLinks()).toEqual([]);
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('signs in and moves on when the API accepts', async () => {
    const { onSignedIn } = renderForm({});
    fill(/^Email/, 'operator@demo.peduli.local');
    fill(/^Kata sandi/, 'rahasia');
    await submit();
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('error-summary')).toBeNull();
  });
});

describe('API errors as form problems', () => {
  it('puts field problems next to their fields, keeps the message for the rest, and names a lost connection', () => {
    const invalid = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Permintaan tidak valid. Perbaiki isian berikut.',
      problems: [{ field: 'email', problem: 'wajib diisi' }],
      requestId: 'r2',
    };
    expect(problemsFromApiError(invalid)).toEqual([{ field: 'email', message: { text: 'wajib diisi' } }]);
    expect(problemsFromApiError({ ...invalid, problems: [{ field: 'other', problem: 'x' }] })).toEqual([
      { field: null, message: { text: 'Permintaan tidak valid. Perbaiki isian berikut.' } },
    ]);
    expect(problemsFromApiError(new TypeError('Failed to fetch'))).toEqual([{ field: null, message: { key: 'signIn.network' } }]);
  });
});
