import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@crm/auth';
import { defineErrors } from '@crm/errors';
import { ApiProblems } from '@crm/http';
import { SweepBusyError, SweepOutcome, SweepRunner, UnknownSweepError } from './sweep.runner';

export const SweepErrors = defineErrors({
  SWEEP_NOT_FOUND: { status: 404, title: 'No sweep of that name runs in this service' },
  SWEEP_BUSY: { status: 409, title: 'The sweep is still running elsewhere' },
});

/** What a sweep run on demand did. */
export class SweepOutcomeView {
  @ApiProperty({ example: 'complaint-sla' })
  sweep: string;

  @ApiProperty({ enum: ['schedule', 'on-demand'] })
  trigger: string;

  @ApiProperty({ enum: ['completed', 'skipped'] })
  status: string;

  @ApiPropertyOptional({ description: 'The instant the sweep took as now' })
  now?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'What the sweep did (counts, ids), by sweep' })
  result?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'already running' })
  reason?: string;
}

/** `POST /api/v1/admin/sweeps/{name}` (docs/api/ops.md "Sweeps, clock and development endpoints"): runs a sweep now and tells what it did. */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('api/v1/admin/sweeps')
export class SweepsAdminController {
  constructor(private readonly sweeps: SweepRunner) {}

  @Post(':name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a sweep now and answer with its outcome' })
  @ApiOkResponse({ type: SweepOutcomeView })
  @ApiProblems(404, 409)
  async runSweep(@Param('name') name: string): Promise<SweepOutcome> {
    try {
      return await this.sweeps.runNow(name);
    } catch (e) {
      if (e instanceof UnknownSweepError) throw SweepErrors.SWEEP_NOT_FOUND(`No sweep ${name}; this service runs: ${this.sweeps.names().join(', ') || 'none'}`);
      if (e instanceof SweepBusyError) throw SweepErrors.SWEEP_BUSY(e.message);
      throw e;
    }
  }
}
