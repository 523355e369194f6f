import { isApiErrorBody } from '@peduli/api-client';
import type { MessageKey } from '../i18n/messages';

/** What a form shows: one line per problem in the summary at the top, each linked to its field if it has one. */
export interface FormProblem<F extends string = string> {
  field: F | null;
  /** Either a dictionary key (the form's own checks) or the API's words, already in the request's language. */
  message: { key: MessageKey } | { text: string };
}

export type SignInField = 'email' | 'password';
export type NewPasswordField = 'password' | 'confirmation';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The API's rule for a new password (TokenPasswordBody): at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** The sign-in form's own checks before anything is sent: GOV.UK's "Enter your email" style. */
export function checkSignInForm(values: { email: string; password: string }): FormProblem<SignInField>[] {
  const problems: FormProblem<SignInField>[] = [];
  const email = values.email.trim();
  if (!email) problems.push({ field: 'email', message: { key: 'signIn.emailRequired' } });
  else if (!EMAIL.test(email)) problems.push({ field: 'email', message: { key: 'signIn.emailInvalid' } });
  if (!values.password) problems.push({ field: 'password', message: { key: 'signIn.passwordRequired' } });
  return problems;
}

/** A new password (invitation or reset): present, long enough, typed the same twice. */
export function checkNewPassword(values: { password: string; confirmation: string }): FormProblem<NewPasswordField>[] {
  if (!values.password) return [{ field: 'password', message: { key: 'password.required' } }];
  if (values.password.length < MIN_PASSWORD_LENGTH) return [{ field: 'password', message: { key: 'password.tooShort' } }];
  if (values.confirmation !== values.password) return [{ field: 'confirmation', message: { key: 'password.mismatch' } }];
  return [];
}

/**
 * The API's refusal as form problems. A 400 names the fields (each with its translated problem); a 401 or 429 has
 * one message for the whole form (for sign-in the same for an unknown email and a wrong password, so it is not pinned
 * to either). Problems of fields the form does not have (e.g. an expired link's token) keep the whole message.
 */
export function problemsFromApiError<F extends string>(error: unknown, fields: readonly F[]): FormProblem<F>[] {
  if (!isApiErrorBody(error)) return [{ field: null, message: { key: 'form.network' } }];
  const fieldProblems = (error.problems ?? [])
    .filter((p) => (fields as readonly string[]).includes(p.field))
    .map((p): FormProblem<F> => ({ field: p.field as F, message: { text: p.problem } }));
  const unplaced = (error.problems ?? []).some((p) => !(fields as readonly string[]).includes(p.field));
  return fieldProblems.length > 0 && !unplaced ? fieldProblems : [{ field: null, message: { text: error.message } }, ...fieldProblems];
}
