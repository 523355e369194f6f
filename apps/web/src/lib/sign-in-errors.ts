import { isApiErrorBody } from '@peduli/api-client';
import type { MessageKey } from '../i18n/messages';

export type SignInField = 'email' | 'password';

/** What the sign-in form shows: one line per problem in the summary at the top, each linked to its field if it has one. */
export interface FormProblem {
  field: SignInField | null;
  /** Either a dictionary key (the form's own checks) or the API's words, already in the request's language. */
  message: { key: MessageKey } | { text: string };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's own checks before anything is sent: GOV.UK's "Enter your email" style. */
export function checkSignInForm(values: { email: string; password: string }): FormProblem[] {
  const problems: FormProblem[] = [];
  const email = values.email.trim();
  if (!email) problems.push({ field: 'email', message: { key: 'signIn.emailRequired' } });
  else if (!EMAIL.test(email)) problems.push({ field: 'email', message: { key: 'signIn.emailInvalid' } });
  if (!values.password) problems.push({ field: 'password', message: { key: 'signIn.passwordRequired' } });
  return problems;
}

const FIELDS: readonly SignInField[] = ['email', 'password'];

/**
 * The API's refusal as form problems. A 400 names the fields (each with its translated problem); a 401 or 429 has
 * one message for the whole form (the same for an unknown email and a wrong password, so it is not pinned to either).
 */
export function problemsFromApiError(error: unknown): FormProblem[] {
  if (!isApiErrorBody(error)) return [{ field: null, message: { key: 'signIn.network' } }];
  const fieldProblems = (error.problems ?? [])
    .filter((p) => (FIELDS as readonly string[]).includes(p.field))
    .map((p): FormProblem => ({ field: p.field as SignInField, message: { text: p.problem } }));
  return fieldProblems.length > 0 ? fieldProblems : [{ field: null, message: { text: error.message } }];
}
