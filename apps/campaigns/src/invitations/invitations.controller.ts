import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, type Page } from '@crm/database';
import { ApiPageResponse, ApiProblems } from '@crm/http';
import { InvitationQueryDto, InviteCustomerDto } from './invitations.dto';
import { InvitationsPolicy } from './invitations.policy';
import { InvitationsService } from './invitations.service';
import { InvitationView, invitationView } from './invitations.view';

@ApiTags('invitations')
@Controller('api/v1')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('meetings/:id/invitations')
  @Allow(InvitationsPolicy.invite)
  @ApiOperation({ summary: 'Invite a customer to a meeting (J-2); the inviting employee is the caller' })
  @ApiCreatedResponse({ type: InvitationView })
  @ApiProblems(404, 409, 422)
  async inviteCustomer(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: InviteCustomerDto): Promise<InvitationView> {
    return invitationView(await this.invitations.invite(caller, meetingId, dto.customerId));
  }

  @Get('meetings/:id/invitations')
  @Allow(InvitationsPolicy.read)
  @ApiOperation({ summary: "A meeting's invitations in the order made; staff of a department see their department's" })
  @ApiPageResponse(InvitationView)
  @ApiProblems(404)
  async listMeetingInvitations(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Query() q: InvitationQueryDto): Promise<Page<InvitationView>> {
    const page = await this.invitations.list(caller, meetingId, q, q.limit ?? DEFAULT_PAGE_SIZE);
    return { ...page, items: page.items.map(invitationView) };
  }

  @Post('invitations/:id/confirm')
  @HttpCode(200)
  @Allow(InvitationsPolicy.confirm)
  @ApiOperation({ summary: 'The customer agreed to come (敲定, J-2)' })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems(404, 409)
  async confirmInvitation(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<InvitationView> {
    return invitationView(await this.invitations.confirm(caller, id));
  }

  @Get('invitations/:id')
  @Allow(InvitationsPolicy.read)
  @ApiOperation({ summary: "An invitation; staff of a department see their department's" })
  @ApiOkResponse({ type: InvitationView })
  @ApiProblems(404)
  async getInvitation(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<InvitationView> {
    return invitationView(await this.invitations.get(caller, id));
  }
}
