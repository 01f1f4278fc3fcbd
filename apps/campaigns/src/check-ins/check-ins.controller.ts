import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Role, Roles } from '@crm/auth';
import { CheckInDto } from './check-ins.dto';
import { CheckInsService } from './check-ins.service';

@ApiTags('check-ins')
@Controller('api/v1/meetings/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @Roles(Role.EMPLOYEE, Role.DEPARTMENT_HEAD, Role.COORDINATOR, Role.ADMIN)
  @ApiOperation({ summary: 'Check a customer in at the meeting, with the customer who brought them (J-9)' })
  checkIn(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: CheckInDto) {
    return this.checkIns.checkIn(caller, meetingId, dto);
  }
}
