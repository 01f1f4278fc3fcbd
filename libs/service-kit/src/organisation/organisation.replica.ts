import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApiKeyRecord } from '@crm/auth';
import { EventConsumer } from '@crm/events';
import { DepartmentReplica, EmployeeReplica } from './organisation.entities';

/** The organisation replica's tables, with the partner keys the guards read. */
export const ORGANISATION_ENTITIES = [DepartmentReplica, EmployeeReplica, ApiKeyRecord];

/**
 * What every service but customers keeps of customers' reference data: partner API keys (so each service
 * verifies keys itself, zero trust behind the gateway) and the organisation (departments, heads, staff).
 * Each event carries the whole current state; an upsert guarded by the save time makes redelivery and
 * reordering harmless.
 */
@Injectable()
export class OrganisationReplica implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on('api_key.issued', async (e, { manager }) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ApiKeyRecord)
        .values({ id: e.keyId, name: e.name, hash: e.hash, scopes: e.scopes, createdAt: new Date(e.issuedAt), revokedAt: null })
        .orIgnore()
        .execute();
    });
    this.consumer.on('api_key.revoked', async (e, { manager }) => {
      // A revocation that overtakes its issue still wins: the key is stored revoked.
      await manager.query(
        `INSERT INTO api_keys (id, name, hash, scopes, created_at, revoked_at) VALUES ($1, '', '', '{}', $2, $2)
         ON CONFLICT (id) DO UPDATE SET revoked_at = COALESCE(api_keys.revoked_at, EXCLUDED.revoked_at)`,
        [e.keyId, e.revokedAt],
      );
    });
    this.consumer.on('department.saved', async (e, { manager }) => {
      await manager.query(
        `INSERT INTO departments (id, name, code, head_id, saved_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, code = EXCLUDED.code, head_id = EXCLUDED.head_id, saved_at = EXCLUDED.saved_at
         WHERE departments.saved_at <= EXCLUDED.saved_at`,
        [e.departmentId, e.name, e.code, e.headId, e.savedAt],
      );
    });
    this.consumer.on('employee.saved', async (e, { manager }) => {
      await manager.query(
        `INSERT INTO employees (id, name, role, department_id, login, session_version, deactivated_at, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, department_id = EXCLUDED.department_id, login = EXCLUDED.login,
           session_version = GREATEST(employees.session_version, EXCLUDED.session_version), deactivated_at = EXCLUDED.deactivated_at, saved_at = EXCLUDED.saved_at
         WHERE employees.saved_at <= EXCLUDED.saved_at`,
        // Events from before sign-in existed carry none of login, version and deactivation: no login, version 1, active.
        [e.employeeId, e.name, e.role, e.departmentId, e.login ?? null, e.sessionVersion ?? 1, e.deactivatedAt ?? null, e.savedAt],
      );
    });
  }
}
