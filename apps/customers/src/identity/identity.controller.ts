import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, CurrentPrincipal, EmployeePrincipal, Public } from '@crm/auth';
import { ApiProblems, ApiPublic } from '@crm/http';
import { callerAddress } from './caller-address';
import { ChangePasswordDto, LoginDto, RefreshTokenDto, SetPasswordDto } from './identity.dto';
import { IdentityPolicy } from './identity.policy';
import { IdentityService } from './identity.service';
import { TokensView } from './identity.view';

@ApiTags('auth')
@Controller('api/v1')
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({ summary: 'Sign in with login and password', description: 'Wrong login or password: 401 INVALID_CREDENTIALS; too many failures: 429 TOO_MANY_ATTEMPTS with Retry-After' })
  @ApiOkResponse({ type: TokensView })
  @ApiProblems(401, 429)
  signIn(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<TokensView> {
    return this.identity.login(dto.login, dto.password, callerAddress(request));
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens', description: 'A refresh token works once; a spent one coming back ends the session (401 SESSION_ENDED)' })
  @ApiOkResponse({ type: TokensView })
  @ApiProblems(401)
  refreshSession(@Body() dto: RefreshTokenDto): Promise<TokensView> {
    return this.identity.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiPublic()
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'The session has ended (also when it already had)' })
  async signOut(@Body() dto: RefreshTokenDto): Promise<void> {
    await this.identity.logout(dto.refreshToken);
  }

  @Put('employees/:id/password')
  @Allow(IdentityPolicy.setPassword)
  @HttpCode(204)
  @ApiOperation({ summary: "Set an employee's password (their sessions end)" })
  @ApiNoContentResponse({ description: 'The password is set' })
  @ApiProblems(404, 422)
  async setEmployeePassword(@Param('id', ParseUUIDPipe) id: string, @Body() dto: SetPasswordDto): Promise<void> {
    await this.identity.setPassword(id, dto.password);
  }

  @Put('me/password')
  @Allow(IdentityPolicy.changeOwnPassword)
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password (your other sessions end)' })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiProblems(401, 422, 429)
  async changeOwnPassword(@CurrentPrincipal() caller: EmployeePrincipal, @Body() dto: ChangePasswordDto, @Req() request: FastifyRequest): Promise<void> {
    await this.identity.changeOwnPassword(caller, caller.sessionId, dto.currentPassword, dto.newPassword, callerAddress(request));
  }
}
