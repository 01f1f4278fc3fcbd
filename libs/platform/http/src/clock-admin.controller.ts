import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Role, Roles } from '@crm/auth';
import { Clock, ClockSync } from '@crm/clock';
import { CommonErrors } from '@crm/errors';

export class MoveClockDto {
  @ApiProperty({ example: '2026-03-01T17:59:00+08:00', description: 'The instant the suite should take as now' })
  @IsISO8601({ strict: true })
  now: string;
}

/** Outside production only: moves the whole suite's clock (api-contract.md "Time and sweeps"). */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('api/v1/admin/clock')
export class ClockAdminController {
  constructor(
    private readonly sync: ClockSync,
    private readonly clock: Clock,
  ) {}

  @Put()
  @ApiOperation({ summary: 'Move the suite clock (not in production)' })
  async move(@Body() body: MoveClockDto) {
    this.assertMovable();
    const offsetMs = await this.sync.moveTo(new Date(body.now));
    return { now: this.clock.now().toISOString(), offsetMs };
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Return the suite clock to real time (not in production)' })
  async reset() {
    this.assertMovable();
    await this.sync.reset();
    return { now: this.clock.now().toISOString(), offsetMs: 0 };
  }

  private assertMovable() {
    if (!this.sync.movable) throw CommonErrors.NOT_FOUND('The clock cannot be moved in production');
  }
}
