import { defineErrors } from '@crm/errors';

/** The identity capability's codes (docs/api/frontend.md "Signing in"). */
export const IdentityErrors = defineErrors({
  // The same answer for an unknown login, a wrong password and a deactivated employee: it tells a guesser nothing.
  INVALID_CREDENTIALS: { status: 401, title: 'The login or password is wrong' },
  TOO_MANY_ATTEMPTS: { status: 429, title: 'Too many failed sign-ins' },
  REFRESH_TOKEN_INVALID: { status: 401, title: 'The refresh token is not valid' },
  PASSWORD_TOO_WEAK: { status: 422, title: 'The password does not meet the policy' },
  NO_LOGIN: { status: 422, title: 'The employee has no login' },
});
