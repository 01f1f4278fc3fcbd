import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@crm/auth';
import { defineErrors } from '@crm/errors';
import { SweepBusyError, SweepRunner, UnknownSweepError } from './sweep.runner';

export const SweepErrors = defineErrors({
  SWEEP_NOT_FOUND: { status: 404, title: 'No sweep of that name runs in this service' },
  SWEEP_BUSY: { status: 409, title: 'The sweep is still running elsewhere' },
});

/** `POST /api/v1/admin/sweeps/{name}` (api-contract.md "Time and sweeps"): runs a sweep now and tells what it did. */
@ApiTags('admin')
@Roles(Role.ADMIN)
@Controller('api/v1/admin/sweeps')
export class SweepsAdminController {
  constructor(private readonly sweeps: SweepRunner) {}

  @Post(':name')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a sweep now and answer with its outcome' })
  async run(@Param('name') name: string) {
    try {
      return await this.sweeps.runNow(name);
    } catch (e) {
      if (e instanceof UnknownSweepError) throw SweepErrors.SWEEP_NOT_FOUND(`No sweep ${name}; this service runs: ${this.sweeps.names().join(', ') || 'none'}`);
      if (e instanceof SweepBusyError) throw SweepErrors.SWEEP_BUSY(e.message);
      throw e;
    }
  }
}
