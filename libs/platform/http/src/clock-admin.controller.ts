import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Role, Roles } from '@crm/auth';
import { Clock, ClockSync } from '@crm/clock';
import { CommonErrors } from '@crm/errors';
import { ApiProblems } from './openapi';

export class MoveClockDto {
  @ApiProperty({ example: '2026-03-01T17:59:00+08:00', description: 'The instant the suite should take as now' })
  @IsISO8601({ strict: true })
  now: string;
}

/** The suite's clock after a move or a reset. */
export class ClockView {
  @ApiProperty({ example: '2026-03-01T09:59:00.000Z', description: 'What the suite now takes as the current instant' })
  now: string;

  @ApiProperty({ example: -86_400_000, description: 'Milliseconds between the suite clock and real time' })
  offsetMs: number;
}

/** Outside production only: moves the whole suite's clock (docs/api/ops.md "Sweeps, clock and development endpoints"). */
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
  @ApiOkResponse({ type: ClockView })
  @ApiProblems(404)
  async moveClock(@Body() body: MoveClockDto): Promise<ClockView> {
    this.assertMovable();
    const offsetMs = await this.sync.moveTo(new Date(body.now));
    return { now: this.clock.now().toISOString(), offsetMs };
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: 'Return the suite clock to real time (not in production)' })
  @ApiOkResponse({ type: ClockView })
  @ApiProblems(404)
  async resetClock(): Promise<ClockView> {
    this.assertMovable();
    await this.sync.reset();
    return { now: this.clock.now().toISOString(), offsetMs: 0 };
  }

  private assertMovable() {
    if (!this.sync.movable) throw CommonErrors.NOT_FOUND('The clock cannot be moved in production');
  }
}
