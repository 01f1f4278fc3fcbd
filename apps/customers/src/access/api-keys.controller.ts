import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { CreateApiKeyDto } from './access.dto';
import { ApiKeysService } from './api-keys.service';

/** Partner keys: created by an ADMIN (shown once), listed without secrets, revoked with DELETE. */
@ApiTags('api-keys')
@Roles(Role.ADMIN)
@Controller('api/v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  create(@CurrentPrincipal() admin: Principal, @Body() dto: CreateApiKeyDto) {
    return this.keys.issue(admin, dto.name, dto.scopes);
  }

  @Get()
  async list() {
    return { items: await this.keys.list(), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(200)
  revoke(@CurrentPrincipal() admin: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.keys.revoke(admin, id);
  }
}
