import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EmployeePrincipal } from '@crm/auth';
import { realNow } from '@crm/clock';
import { Transactions, Tx } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { EmployeeEntity } from '../organisation/employee.entity';
import { normaliseLogin } from '../support/login-name';
import { IdentityErrors } from './identity.errors';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity.options';
import { IdentityRepository } from './identity.repository';
import { TokensView } from './identity.view';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { hashOfRefreshToken, newRefreshToken } from './refresh-tokens';
import { RefreshTokenEntity, SessionEndReason, SessionEntity } from './session.entity';
import { TokenIssuer } from './token-issuer';

const DAY_MS = 24 * 3600 * 1000;

/** OWASP ASVS 2.1: at least 10 characters (passphrases welcome); at most 256, so hashing cannot be used to flood the CPU. */
export function assertPasswordPolicy(password: string, login: string | null): void {
  const reason =
    password.length < 10 ? 'at least 10 characters' : password.length > 256 ? 'at most 256 characters' : login && password.toLowerCase() === login ? 'not the login' : null;
  if (reason) throw IdentityErrors.PASSWORD_TOO_WEAK(`The password must be ${reason}`, { errors: [{ field: 'password', reason }] });
}

/**
 * Sign-in, sessions and passwords (docs/identity.md). A session is one sign-in; each refresh token works once and
 * is replaced, and a spent one coming back ends its whole session (someone holds a copy). A session also ends
 * when the employee's session version moves on (moved, demoted, deactivated) or at its hard limit.
 */
@Injectable()
export class IdentityService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly transactions: Transactions,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly issuer: TokenIssuer,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async login(loginName: string, password: string, address: string): Promise<TokensView> {
    const login = normaliseLogin(loginName) as string;
    await this.throttle.assertMayTry(login, address);
    const employee = await this.repository.employeeByLogin(login);
    const stored = employee && !employee.deactivatedAt ? await this.repository.passwordHashOf(employee.id) : null;
    // Always one argon2 verification, against a decoy hash when there is no password: the same time either way.
    if (!(await this.hasher.matches(password, stored)) || !employee) {
      await this.throttle.failed(login, address);
      throw IdentityErrors.INVALID_CREDENTIALS();
    }
    await this.throttle.succeeded(login, address);
    const now = realNow();
    const session = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      employeeId: employee.id,
      employeeVersion: employee.sessionVersion,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.options.sessionMaxDays * DAY_MS),
      endedAt: null,
      endReason: null,
      address,
    });
    return this.transactions.run(async (tx) => {
      await this.repository.startSession(session, tx);
      return this.issue(employee, session, tx, now);
    });
  }

  async refresh(refreshToken: string): Promise<TokensView> {
    const outcome = await this.transactions.run(async (tx) => {
      const found = await this.repository.lockRefreshToken(hashOfRefreshToken(refreshToken), tx);
      if (!found) throw IdentityErrors.REFRESH_TOKEN_INVALID();
      const { token, session } = found;
      const now = realNow();
      if (session.endedAt) return CommonErrors.SESSION_ENDED('The session has ended: sign in again');
      if (token.spentAt) {
        // Theft detection (OAuth 2.0 Security BCP §4.14.2): the token was used before, so two parties hold it.
        await this.repository.endSession(session.id, SessionEndReason.REFRESH_REUSED, now, tx);
        return CommonErrors.SESSION_ENDED('This refresh token was already used: the session has been ended for safety; sign in again');
      }
      if (token.expiresAt <= now || session.expiresAt <= now) return CommonErrors.SESSION_ENDED('The session has expired: sign in again');
      const employee = await this.repository.employee(session.employeeId, tx);
      if (!employee || employee.deactivatedAt || employee.sessionVersion !== session.employeeVersion) {
        await this.repository.endSession(session.id, SessionEndReason.EMPLOYEE_CHANGED, now, tx);
        return CommonErrors.SESSION_ENDED('The employee was moved, their role changed or they were deactivated: sign in again');
      }
      await this.repository.spend(token.hash, now, tx);
      return this.issue(employee, session, tx, now);
    });
    // An ended session is recorded (committed) before the refusal is thrown.
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /** Ends the session of a refresh token; an unknown or spent token is no error (logging out twice is harmless). */
  async logout(refreshToken: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const found = await this.repository.lockRefreshToken(hashOfRefreshToken(refreshToken), tx);
      if (found) await this.repository.endSession(found.session.id, SessionEndReason.LOGOUT, realNow(), tx);
    });
  }

  /** An ADMIN sets a password (the first one, or a reset): the employee's sessions end. */
  async setPassword(employeeId: string, password: string): Promise<void> {
    const employee = await this.repository.employee(employeeId);
    if (!employee) throw CommonErrors.NOT_FOUND(`No employee ${employeeId}`);
    if (!employee.login) throw IdentityErrors.NO_LOGIN('Give the employee a login first (PATCH /api/v1/employees/{id})');
    assertPasswordPolicy(password, employee.login);
    const hash = await this.hasher.hash(password);
    await this.transactions.run(async (tx) => {
      const now = realNow();
      await this.repository.setPasswordHash(employee.id, hash, now, tx);
      await this.repository.endSessionsOf(employee.id, SessionEndReason.PASSWORD_CHANGED, now, tx);
    });
  }

  /** The employee changes their own password; their other sessions end, the one in use stays. */
  async changeOwnPassword(caller: EmployeePrincipal, sessionId: string | undefined, currentPassword: string, newPassword: string, address: string): Promise<void> {
    const employee = await this.repository.employee(caller.employeeId);
    const login = employee?.login ?? `employee:${caller.employeeId}`;
    await this.throttle.assertMayTry(login, address);
    if (!employee || !(await this.hasher.matches(currentPassword, await this.repository.passwordHashOf(employee.id)))) {
      await this.throttle.failed(login, address);
      throw IdentityErrors.INVALID_CREDENTIALS('The current password is wrong');
    }
    assertPasswordPolicy(newPassword, employee.login);
    const hash = await this.hasher.hash(newPassword);
    await this.transactions.run(async (tx) => {
      const now = realNow();
      await this.repository.setPasswordHash(employee.id, hash, now, tx);
      await this.repository.endSessionsOf(employee.id, SessionEndReason.PASSWORD_CHANGED, now, tx, sessionId);
    });
  }

  private async issue(employee: EmployeeEntity, session: SessionEntity, tx: Tx, now: Date): Promise<TokensView> {
    const refresh = newRefreshToken();
    const expiresAt = new Date(Math.min(now.getTime() + this.options.refreshTokenTtlDays * DAY_MS, session.expiresAt.getTime()));
    await this.repository.addRefreshToken(Object.assign(new RefreshTokenEntity(), { hash: refresh.hash, sessionId: session.id, issuedAt: now, expiresAt, spentAt: null }), tx);
    const accessToken = await this.issuer.accessToken({
      sub: employee.id,
      role: employee.role,
      departmentId: employee.departmentId,
      sid: session.id,
      ver: employee.sessionVersion,
    });
    return { accessToken, refreshToken: refresh.value, expiresIn: this.issuer.ttlSeconds, tokenType: 'Bearer' };
  }
}
