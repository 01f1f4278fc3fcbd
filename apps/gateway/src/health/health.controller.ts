import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Upstreams } from '../routing/upstreams';
import { checkSuite } from './service-health';

/**
 * Readiness of the suite (docs/api/ops.md "Health"): 200 only when every service behind the gateway answers its own
 * /health with 200; otherwise 503 naming the ones that do not. Liveness only says this process answers.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly upstreams: Upstreams,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  async ready(@Res() reply: FastifyReply) {
    const health = await checkSuite(this.upstreams.all(), this.config.GATEWAY_HEALTH_TIMEOUT_MS);
    return reply
      .status(health.status === 'ok' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(health);
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
