import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { InvitationQueryDto, InviteCustomerDto } from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD)
@Controller('api/v1')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('meetings/:id/invitations')
  @ApiOperation({ summary: 'Invite a customer to a meeting (J-2); the inviting employee is the caller' })
  invite(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: InviteCustomerDto) {
    return this.invitations.invite(caller, meetingId, dto.customerId);
  }

  @Get('meetings/:id/invitations')
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: "A meeting's invitations in the order made; staff of a department see their department's" })
  list(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query() q: InvitationQueryDto) {
    return this.invitations.list(caller, meetingId, q, q.limit ?? DEFAULT_PAGE_SIZE);
  }

  @Post('invitations/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The customer agreed to come (敲定, J-2)' })
  confirm(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.confirm(caller, id);
  }

  @Get('invitations/:id')
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.GENERAL_MANAGER, Role.ADMIN)
  @ApiOperation({ summary: 'An invitation' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.invitations.get(id);
  }
}
