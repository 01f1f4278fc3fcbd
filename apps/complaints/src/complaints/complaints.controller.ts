import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScopes, Principal, Role, Roles } from '@crm/auth';
import { ComplaintsQueryDto, FileComplaintDto, ReopenComplaintDto, ResolveComplaintDto } from './complaints.dto';
import { ComplaintsService } from './complaints.service';

/** Staff who handle complaints: the employee concerned, their head, the general manager's office (visibility.ts). */
export const RESOLVING_ROLES = [Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN];
export const REOPENING_ROLES = [Role.DEPARTMENT_HEAD, Role.GENERAL_MANAGER, Role.COORDINATOR, Role.ADMIN];

/** Who may file, see and handle which complaint is decided in ComplaintsService (rules/visibility.ts). */
@ApiTags('complaints')
@Controller('api/v1/complaints')
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @PartnerScopes('complaints:write')
  @ApiOperation({ summary: 'File a complaint (C-1); DISCOVERED fines the employee (C-2), TO_GENERAL_MANAGER the employee and the head (C-3)' })
  file(@CurrentPrincipal() caller: Principal, @Body() dto: FileComplaintDto) {
    return this.complaints.file(caller, dto);
  }

  @Get()
  @PartnerScopes('complaints:read')
  @ApiOperation({ summary: 'Complaints the caller may see, in filing order' })
  list(@CurrentPrincipal() caller: Principal, @Query() query: ComplaintsQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.complaints.list(caller, filter, { limit, cursor });
  }

  @Get(':id')
  @PartnerScopes('complaints:read')
  @ApiOperation({ summary: 'A complaint, with the fines it imposed' })
  get(@CurrentPrincipal() caller: Principal, @Param('id') id: string) {
    return this.complaints.get(caller, id);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @Roles(...RESOLVING_ROLES)
  @ApiOperation({ summary: 'Resolve a complaint with a note of what was done (C-5): OPEN → RESOLVED' })
  resolve(@CurrentPrincipal() caller: Principal, @Param('id') id: string, @Body() dto: ResolveComplaintDto) {
    return this.complaints.resolve(caller, id, dto.note);
  }

  @Post(':id/reopening')
  @HttpCode(200)
  @Roles(...REOPENING_ROLES)
  @ApiOperation({ summary: 'Reopen a resolved complaint, once; the original due time stays (C-4)' })
  reopen(@CurrentPrincipal() caller: Principal, @Param('id') id: string, @Body() dto: ReopenComplaintDto) {
    return this.complaints.reopen(caller, id, dto.reason);
  }
}
