import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { ApiProblems } from '@crm/http';
import { CheckInDto } from './check-ins.dto';
import { CheckInsPolicy } from './check-ins.policy';
import { CheckInsService } from './check-ins.service';
import { AttendanceView, attendanceView } from './check-ins.view';

@ApiTags('check-ins')
@Controller('api/v1/meetings/:id/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @Allow(CheckInsPolicy.checkIn)
  @ApiOperation({ summary: 'Check a customer in at the meeting, with the customer who brought them (J-9)' })
  @ApiCreatedResponse({ type: AttendanceView })
  @ApiProblems(404, 409, 422)
  async checkInCustomer(@CurrentPrincipal() caller: Principal, @Param('id', ParseUUIDPipe) meetingId: string, @Body() dto: CheckInDto): Promise<AttendanceView> {
    return attendanceView(await this.checkIns.checkIn(caller, meetingId, dto));
  }
}
