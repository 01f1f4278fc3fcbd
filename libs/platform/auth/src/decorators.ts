import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Principal } from './principal';
import { Role } from './roles';

export const PUBLIC_KEY = 'crm:public';
export const ROLES_KEY = 'crm:roles';
export const SCOPES_KEY = 'crm:scopes';

/** No credentials needed (health, docs, the dev-token endpoint). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Employees in one of these roles may call. Without it, any authenticated employee may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Partners whose key holds one of these scopes may call. Without it, partners may not. */
export const PartnerScopes = (...scopes: string[]) => SetMetadata(SCOPES_KEY, scopes);

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(context: ExecutionContext): { principal?: Principal; headers: Record<string, string | string[] | undefined> } {
  if ((context.getType() as string) === 'graphql') {
    const ctx = GqlExecutionContext.create(context).getContext();
    return ctx.req ?? ctx.request;
  }
  return context.switchToHttp().getRequest();
}

/** The authenticated caller, for services' object-level checks. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => requestOf(context).principal);
