import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PartnerScopes, Roles } from './decorators';
import { Role } from './roles';
import type { PartnerScope } from './scopes';

/**
 * Who may call one action of a capability, at the door (the AuthGuard for REST and GraphQL operations,
 * FieldCaller for entity fields). What a caller may see of one record is decided in the service.
 */
export interface ActionPolicy {
  /** Employee roles that may call; omitted, every authenticated employee may. */
  readonly roles?: readonly Role[];
  /** Partner key scopes that may call; omitted, no partner may. */
  readonly scopes?: readonly PartnerScope[];
}

/**
 * A capability's `*.policy.ts`: one entry per action, used by its controller and its resolver alike, so REST
 * and GraphQL never disagree about who may do what.
 *   export const ComplaintsPolicy = definePolicy({ resolve: { roles: [Role.EMPLOYEE, …] }, read: { scopes: ['complaints:read'] } });
 */
export function definePolicy<const T extends Record<string, ActionPolicy>>(actions: T): Readonly<T> {
  return Object.freeze(actions);
}

/**
 * Applies one action's policy to a route or an operation: `@Allow(ComplaintsPolicy.resolve)`. A route's OpenAPI
 * operation names the scopes as `x-partner-scopes` (the document's security says who may call, @crm/http openapi.ts).
 */
export function Allow(action: ActionPolicy): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...(action.roles ? [Roles(...action.roles)] : []),
    ...(action.scopes ? [PartnerScopes(...action.scopes), ApiExtension('x-partner-scopes', [...action.scopes])] : []),
  );
}
