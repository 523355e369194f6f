import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { LanguageProvider } from '../src/i18n/language';
import type { Language } from '../src/i18n/messages';
import { checkNewPassword, problemsFromApiError } from '../src/lib/form-problems';
import { SetPasswordForm, type SetPasswordFormProps } from '../src/pages/set-password-form';
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
  const invalid = {
    statusCode: 400,
    error: 'Bad Request',
    message: 'Permintaan tidak valid. Perbaiki isian berikut.',
    problems: [{ field: 'email', problem: 'wajib diisi' }],
    requestId: 'r2',
  };

  it('puts field problems next to their fields and names a lost connection', () => {
    expect(problemsFromApiError(invalid, ['email', 'password'])).toEqual([{ field: 'email', message: { text: 'wajib diisi' } }]);
    expect(problemsFromApiError(new TypeError('Failed to fetch'), ['email'])).toEqual([{ field: null, message: { key: 'form.network' } }]);
  });

  it('keeps the whole message when a problem concerns something the form has no field for (e.g. the link’s token)', () => {
    const expired = { ...invalid, problems: [{ field: 'token', problem: 'sudah kedaluwarsa' }, { field: 'password', problem: 'minimal 12 karakter' }] };
    expect(problemsFromApiError(expired, ['password', 'confirmation'])).toEqual([
      { field: null, message: { text: 'Permintaan tidak valid. Perbaiki isian berikut.' } },
      { field: 'password', message: { text: 'minimal 12 karakter' } },
    ]);
  });
});

describe('a new password', () => {
  it('must be given, have 12 characters and be typed the same twice', () => {
    expect(checkNewPassword({ password: '', confirmation: '' })).toEqual([{ field: 'password', message: { key: 'password.required' } }]);
    expect(checkNewPassword({ password: '12345678901', confirmation: '12345678901' })).toEqual([{ field: 'password', message: { key: 'password.tooShort' } }]);
    expect(checkNewPassword({ password: 'kalimat yang panjang', confirmation: 'kalimat yang panjan' })).toEqual([
      { field: 'confirmation', message: { key: 'password.mismatch' } },
    ]);
    expect(checkNewPassword({ password: 'kalimat yang panjang', confirmation: 'kalimat yang panjang' })).toEqual([]);
  });
});

describe('the set-password page of a mailed link', () => {
  function renderPage(props: Partial<SetPasswordFormProps>) {
    const save = props.save ?? jest.fn(async () => ({ ok: true as const }));
    render(
      <MantineProvider>
        <LanguageProvider initial="id">
          <SetPasswordForm purpose={props.purpose ?? 'reset'} token={props.token === undefined ? TOKEN : props.token} save={save} />
        </LanguageProvider>
      </MantineProvider>,
    );
    return save;
  }
  const TOKEN = `pac_${'a'.repeat(43)}`;
  const press = async (name: string) => {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name }));
    });
  };

  it('says the link is incomplete when it has no token, and offers no form', () => {
    renderPage({ token: null });
    expect(screen.getByRole('alert').textContent).toContain('Tautan ini tidak lengkap.');
    expect(screen.queryByLabelText(/^Kata sandi baru/)).toBeNull();
  });

  it('refuses two different passwords before sending, then saves the new one with the link’s token', async () => {
    const save = renderPage({ purpose: 'invitation' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Buat kata sandi');
    fill(/^Kata sandi baru/, 'kalimat yang panjang');
    fill(/^Ulangi kata sandi baru/, 'kalimat yang lain');
    await press('Simpan kata sandi');
    expect(summaryLinks()).toEqual([['Kedua kata sandi tidak sama; ketik ulang', '#new-password-confirmation']]);
    expect(save).not.toHaveBeenCalled();

    fill(/^Ulangi kata sandi baru/, 'kalimat yang panjang');
    await press('Simpan kata sandi');
    expect(save).toHaveBeenCalledWith(TOKEN, 'kalimat yang panjang');
    expect(screen.getByRole('status').textContent).toContain('Kata sandi tersimpan.');
  });
});
