import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '@crm/auth';
import { checkPostgres, checkRedis, REDIS } from '@crm/database';

/** Readiness: 200 only when this service can reach its database and Redis. Liveness: the process answers. */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  async ready(@Res() reply: FastifyReply) {
    const [database, redis] = await Promise.all([checkPostgres(this.dataSource), checkRedis(this.redis)]);
    const ok = database.status === 'up' && redis.status === 'up';
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks: { database, redis } });
  }

  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
