import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { Allow, CurrentPrincipal, EmployeePrincipal, Public } from '@crm/auth';
import { callerAddress } from './caller-address';
import { ChangePasswordDto, LoginDto, RefreshTokenDto, SetPasswordDto } from './identity.dto';
import { Tokens } from './identity.models';
import { IdentityPolicy } from './identity.policy';
import { IdentityService } from './identity.service';

interface GqlContext {
  req: FastifyRequest;
}

/** Sign-in and passwords over GraphQL: the same service calls and policies as IdentityController. */
@Resolver(() => Tokens)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Mutation(() => Tokens, { description: 'Sign in (as POST /api/v1/auth/login): INVALID_CREDENTIALS for a wrong login or password, TOO_MANY_ATTEMPTS after too many failures' })
  @Public()
  signIn(@Args('input', { description: 'Login and password' }) input: LoginDto, @Context() ctx: GqlContext): Promise<Tokens> {
    return this.identity.login(input.login, input.password, callerAddress(ctx.req));
  }

  @Mutation(() => Tokens, { description: 'Exchange a refresh token for new tokens (as POST /api/v1/auth/refresh); a spent one coming back ends the session (SESSION_ENDED)' })
  @Public()
  refreshSession(@Args('input', { description: 'The refresh token to exchange' }) input: RefreshTokenDto): Promise<Tokens> {
    return this.identity.refresh(input.refreshToken);
  }

  @Mutation(() => Boolean, { description: 'End the session of a refresh token (as POST /api/v1/auth/logout); true, also when it had already ended' })
  @Public()
  async signOut(@Args('input', { description: 'The refresh token whose session ends' }) input: RefreshTokenDto): Promise<boolean> {
    await this.identity.logout(input.refreshToken);
    return true;
  }

  @Mutation(() => Boolean, { description: "Set an employee's password (as PUT /api/v1/employees/{id}/password); their sessions end. ADMIN only" })
  @Allow(IdentityPolicy.setPassword)
  async setEmployeePassword(
    @Args('id', { type: () => ID, description: 'The employee' }) id: string,
    @Args('input', { description: 'The new password' }) input: SetPasswordDto,
  ): Promise<boolean> {
    await this.identity.setPassword(id, input.password);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Change your own password (as PUT /api/v1/me/password); your other sessions end' })
  @Allow(IdentityPolicy.changeOwnPassword)
  async changeOwnPassword(
    @CurrentPrincipal() caller: EmployeePrincipal,
    @Args('input', { description: 'The current password and the new one' }) input: ChangePasswordDto,
    @Context() ctx: GqlContext,
  ): Promise<boolean> {
    await this.identity.changeOwnPassword(caller, caller.sessionId, input.currentPassword, input.newPassword, callerAddress(ctx.req));
    return true;
  }
}
