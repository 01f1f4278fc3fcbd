import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { Page } from '@crm/database';
import { ApiPageResponse, ApiProblems, NoIdempotencyKey } from '@crm/http';
import { CreateApiKeyDto } from './access.dto';
import { AccessPolicy } from './access.policy';
import { ApiKeyView, IssuedApiKeyView } from './access.view';
import { ApiKeysService } from './api-keys.service';

/** Partner keys: created by an ADMIN (shown once), listed without secrets, revoked with DELETE. */
@ApiTags('api-keys')
@Allow(AccessPolicy.manageApiKeys)
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @NoIdempotencyKey('The answer carries the secret, shown once and never stored')
  @ApiCreatedResponse({ type: IssuedApiKeyView })
  issueApiKey(@CurrentPrincipal() admin: Principal, @Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyView> {
    return this.keys.issue(admin, dto.name, dto.scopes);
  }

  @Get()
  @ApiPageResponse(ApiKeyView, 'Every partner key (one page), newest first')
  async listApiKeys(): Promise<Page<ApiKeyView>> {
    return { items: await this.keys.list(), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyView })
  @ApiProblems(404)
  revokeApiKey(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ApiKeyView> {
    return this.keys.revoke(admin, id);
  }
}
