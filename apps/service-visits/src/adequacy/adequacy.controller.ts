import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { PageQueryDto } from '@crm/http';
import { UnderServedList } from './under-served';

export class UnderServedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

/** Who decides about under-served customers: the resource director, above them the general manager; heads for their department. */
export const UNDER_SERVED_ROLES = [Role.RESOURCE_DIRECTOR, Role.GENERAL_MANAGER, Role.ADMIN, Role.DEPARTMENT_HEAD];

@ApiTags('under-served')
@Controller('api/v1/under-served')
export class UnderServedController {
  constructor(private readonly list: UnderServedList) {}

  @Get()
  @Roles(...UNDER_SERVED_ROLES)
  @ApiOperation({ summary: 'Under-served customers (V-2), each with the link to reassign it through POST /api/v1/customers/{id}/transfer' })
  get(@CurrentPrincipal() caller: Principal, @Query() query: UnderServedQueryDto) {
    return this.list.list(caller, query.departmentId, { limit: query.limit, cursor: query.cursor });
  }
}
