import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { EmployeeEntity } from '../organisation/employee.entity';
import { CredentialEntity } from './credential.entity';
import { RefreshTokenEntity, SessionEndReason, SessionEntity } from './session.entity';

/** Every query of sign-in: employees by login, password hashes, sessions and their refresh tokens. */
@Injectable()
export class IdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  employeeByLogin(login: string): Promise<EmployeeEntity | null> {
    return this.dataSource.manager.findOneBy(EmployeeEntity, { login });
  }

  employee(id: string, manager: EntityManager = this.dataSource.manager): Promise<EmployeeEntity | null> {
    return manager.findOneBy(EmployeeEntity, { id });
  }

  async passwordHashOf(employeeId: string): Promise<string | null> {
    return (await this.dataSource.manager.findOneBy(CredentialEntity, { employeeId }))?.passwordHash ?? null;
  }

  async setPasswordHash(employeeId: string, passwordHash: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.upsert(CredentialEntity, { employeeId, passwordHash, changedAt: at }, ['employeeId']);
  }

  async startSession(session: SessionEntity, manager: EntityManager): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  /** A refresh token with its session, both locked, so two uses of one token are decided one after the other. */
  async lockRefreshToken(hash: Buffer, manager: EntityManager): Promise<{ token: RefreshTokenEntity; session: SessionEntity } | null> {
    const token = await manager.findOne(RefreshTokenEntity, { where: { hash }, lock: { mode: 'pessimistic_write' } });
    if (!token) return null;
    const session = await manager.findOne(SessionEntity, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
    return session ? { token, session } : null;
  }

  async spend(hash: Buffer, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(RefreshTokenEntity, { hash }, { spentAt: at });
  }

  async addRefreshToken(refresh: RefreshTokenEntity, manager: EntityManager): Promise<void> {
    await manager.insert(RefreshTokenEntity, refresh);
  }

  async endSession(id: string, reason: SessionEndReason, at: Date, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(SessionEntity, { id, endedAt: IsNull() }, { endedAt: at, endReason: reason });
  }

  /** Ends every open session of an employee but `keep` (the one changing its own password stays signed in). */
  async endSessionsOf(employeeId: string, reason: SessionEndReason, at: Date, manager: EntityManager, keep?: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ endedAt: at, endReason: reason })
      .where('employee_id = :employeeId AND ended_at IS NULL', { employeeId })
      .andWhere(keep ? 'id <> :keep' : 'TRUE', { keep })
      .execute();
  }
}
