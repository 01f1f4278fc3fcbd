/** What an employee signs in with: trimmed and lower-cased before it is checked, stored or looked up. */
export const LOGIN_PATTERN = /^[a-z0-9._@-]{3,64}$/;

/** Trims and lower-cases a login as it arrives (organisation's inputs and sign-in alike), so one name is one login. */
export function normaliseLogin(value: unknown): unknown {
  return typeof value === 'string' ? value.trim().toLowerCase() : value;
}
