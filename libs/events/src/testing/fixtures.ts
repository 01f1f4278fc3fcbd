import { randomUUID } from 'node:crypto';
import type { SaleRecorded } from '../catalogue/campaigns.events';
import type { EventConsumer } from '../consumer/event.consumer';
import { ident } from '../support/sql';

/** A sale.recorded payload; `n` makes each one recognisable in the effects table. */
export function sale(n: number): SaleRecorded {
  return {
    saleId: randomUUID(),
    meetingId: randomUUID(),
    customerId: randomUUID(),
    amountFen: 100_000 + n,
    creditedEmployeeId: randomUUID(),
    creditedDepartmentId: randomUUID(),
    referrerId: null,
    soldAt: '2026-03-01T10:00:00.000Z',
  };
}

/** Rewards' test handler: one row in `effects` per handling, written in the inbox transaction. */
export function recordSalesIn(
  consumer: EventConsumer<'rewards'>,
  schema = 'rewards',
): EventConsumer<'rewards'> {
  return consumer.on('sale.recorded', async (payload, ctx) => {
    await ctx.manager.query(
      `INSERT INTO ${ident(schema)}.effects (event_id, name, detail, request_id) VALUES ($1, $2, $3, $4)`,
      [ctx.eventId, ctx.name, payload, ctx.requestId],
    );
  });
}
