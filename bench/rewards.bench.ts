import { randomUUID } from 'node:crypto';
import { queueFor } from '@crm/events';
import { RunningSuite, testRedisUrl } from '@crm/testing';
import { BASELINE_APPLICATION_NAME, createRewardsScratch, dropRewardsScratch, PLAIN_LEDGER_PARALLEL_QUEUE, PLAIN_LEDGER_QUEUE, REWARDS_SCRATCH, REWARDS_TABLES } from './baselines/rewards-scratch';
import { allSucceeded, ms, rates, side } from './support/campaigns-figures';
import { Measured } from './support/campaigns-report';
import { startBenchProcess } from './support/child-process';
import { withDatabase } from './support/db';
import { FixedLoadFigures, FixedRequest, sendEach } from './support/fixed-load';
import { BackendStates, CpuSource, CpuUse, observeSide, processServing } from './support/rewards-observe';
import { EventPublisher, fundingPlan, LedgerPlan, referralPlan } from './support/rewards-events';
import { ledgerDrift, LedgerRun, ledgerRun, LedgerSide, sidesDisagree } from './support/rewards-ledger';
import { oneAccountOutcome, OneAccountOutcome, REDEEM_POINTS, redemptionRequests } from './support/rewards-redemptions';
import { cpuFigures, cpuPerUnitMs, CpuRun, ledgerSide, statesFigures } from './support/rewards-report';
import { BenchSettings } from './support/settings';

export interface RewardsBenchContext {
  suite: RunningSuite;
  settings: BenchSettings;
  log(line: string): void;
}

const SERVICE: LedgerSide = { name: 'service', queue: queueFor('rewards'), tables: REWARDS_TABLES };
const BASELINE: LedgerSide = { name: 'baseline', queue: PLAIN_LEDGER_QUEUE, tables: REWARDS_SCRATCH };
const BASELINE_PARALLEL: LedgerSide = { ...BASELINE, queue: PLAIN_LEDGER_PARALLEL_QUEUE };

const seconds = (runs: LedgerRun[]) => runs.map((r) => `${r.seconds.toFixed(2)} s`).join(' and ');
type Observed = { cpu?: CpuUse; states?: BackendStates };
const asEvents = (runs: (LedgerRun & Observed)[]): CpuRun[] => runs.map((r) => ({ seconds: r.seconds, units: r.events, cpu: r.cpu, states: r.states }));
const asRequests = (runs: (FixedLoadFigures & Observed)[]): CpuRun[] => runs.map((r) => ({ seconds: r.seconds, units: r.requests, cpu: r.cpu, states: r.states }));
/** Service CPU per unit against the baseline's, as the throughput ratio reads (baseline / service): steadier on a busy machine. */
function cpuRatio(service: CpuRun[], baseline: CpuRun[]): string {
  const [o, b] = [cpuPerUnitMs(service), cpuPerUnitMs(baseline)];
  return o && b ? `${(b / o).toFixed(2)}` : 'unknown';
}
const outcome = (o: OneAccountOutcome) => `${o.succeeded.toLocaleString('en')} redeemed, ${o.refused.toLocaleString('en')} × 409 POINTS_INSUFFICIENT (${o.insufficientStored.toLocaleString('en')} stored as such), balance left ${o.balance} of ${o.funded.toLocaleString('en')}`;

/** A one-account side: a 409 there is the rule at work, not a failure; anything else but a 201 is. */
function contendedSide(label: string, runs: FixedLoadFigures[]) {
  const s = side(label, 'req/s', runs);
  return { ...s, failures: runs.reduce((n, r) => n + r.requests - (r.statuses['201'] ?? 0) - (r.statuses['409'] ?? 0), 0) };
}

/**
 * Issue #4: ledger writes from `meeting.attended` and `sale.recorded` events through the real queue, and
 * redemptions under 50 concurrent callers (many accounts, then one), each against a plain BullMQ Worker +
 * Fastify + pg baseline writing the same rows (bench/baselines/plain-rewards-server.ts). Both sides get the
 * same events and the same requests, so their ledgers are compared row for row at the end.
 */
export async function rewardsBench(ctx: RewardsBenchContext): Promise<Measured[]> {
  const { suite, settings, log } = ctx;
  const db = suite.db.url;
  const url = suite.serviceUrls.rewards;
  const conns = settings.redeemConnections;
  await withDatabase(db, createRewardsScratch);
  const baseline = await startBenchProcess('baselines/plain-rewards-server', { DATABASE_URL: db, REDIS_URL: testRedisUrl(), REDIS_PREFIX: suite.redisPrefix, POOL_SIZE: '10', CONCURRENCY: '1' });
  const publisher = new EventPublisher(testRedisUrl(), suite.redisPrefix);
  // Each side's process and PostgreSQL backends, for the CPU a run costs it (unknown off Linux).
  const sources: Record<LedgerSide['name'], CpuSource> = {
    service: { pid: processServing('apps/rewards/src/main.js', url), applicationName: 'rewards' },
    baseline: { pid: processServing('plain-rewards-server.js', baseline.url), applicationName: BASELINE_APPLICATION_NAME },
  };
  const timed = (s: LedgerSide, plan: LedgerPlan) => observeSide(db, sources[s.name], () => ledgerRun(db, publisher, s, plan));
  const redeem = (s: LedgerSide['name'], list: FixedRequest[]) => observeSide(db, sources[s], () => sendEach(s === 'service' ? url : baseline.url, list, conns));
  try {
    // Warm-up: JIT, pools, PostgreSQL buffers, and the consumer's first blocking fetch, on both sides.
    const warmUp = referralPlan(1000, 100);
    log('rewards: warm-up, 1,000 events a side');
    for (const s of [BASELINE, SERVICE]) await ledgerRun(db, publisher, s, warmUp);

    const [first, second] = [referralPlan(settings.rewardsEvents, settings.rewardsReferrers), referralPlan(settings.rewardsEvents, settings.rewardsReferrers)];
    log(`rewards: ${settings.rewardsEvents} events per run, order baseline, service, service, baseline`);
    const b1 = await timed(BASELINE, first);
    const o1 = await timed(SERVICE, first);
    const o2 = await timed(SERVICE, second);
    const b2 = await timed(BASELINE, second);
    const [oDrift, bDrift] = [await ledgerDrift(db, SERVICE), await ledgerDrift(db, BASELINE)];

    // Accounts to redeem from: the referrers just credited (1,000 points each per run), the same on both sides.
    const accounts = [...first.referrers, ...second.referrers];
    const oneAccount = [randomUUID(), randomUUID()];
    const funded = (settings.oneAccountRedemptions / 2) * REDEEM_POINTS;
    const funding = fundingPlan(oneAccount, funded);
    for (const s of [BASELINE, SERVICE]) await ledgerRun(db, publisher, s, funding);

    log(`rewards: redemptions with ${conns} concurrent callers over ${accounts.length} accounts, order baseline, service, service, baseline`);
    const redeemWarmUp = redemptionRequests(accounts, 1000, '毛巾');
    allSucceeded(await sendEach(baseline.url, redeemWarmUp, conns), 'baseline warm-up redemptions');
    allSucceeded(await sendEach(url, redeemWarmUp, conns), 'service warm-up redemptions');
    const [spreadA, spreadB] = [redemptionRequests(accounts, settings.redemptions, '保温杯'), redemptionRequests(accounts, settings.redemptions, '雨伞')];
    const rb1 = allSucceeded(await redeem('baseline', spreadA), 'baseline redemptions');
    const ro1 = allSucceeded(await redeem('service', spreadA), 'service redemptions');
    const ro2 = allSucceeded(await redeem('service', spreadB), 'service redemptions');
    const rb2 = allSucceeded(await redeem('baseline', spreadB), 'baseline redemptions');

    log(`rewards: ${settings.oneAccountRedemptions} redemptions of one account funded for half of them, ${conns} callers, order baseline, service, service, baseline`);
    const [oneA, oneB] = oneAccount.map((id) => redemptionRequests([id], settings.oneAccountRedemptions, '电饭煲'));
    const cb1 = await redeem('baseline', oneA);
    const co1 = await redeem('service', oneA);
    const co2 = await redeem('service', oneB);
    const cb2 = await redeem('baseline', oneB);
    const outcomes = [
      await oneAccountOutcome(db, BASELINE, oneAccount[0], funded, cb1),
      await oneAccountOutcome(db, SERVICE, oneAccount[0], funded, co1),
      await oneAccountOutcome(db, SERVICE, oneAccount[1], funded, co2),
      await oneAccountOutcome(db, BASELINE, oneAccount[1], funded, cb2),
    ];

    // A benchmark fails when its sides disagree: a cache that drifted, an overdraft, or ledgers that differ.
    const [oEnd, bEnd] = [await ledgerDrift(db, SERVICE), await ledgerDrift(db, BASELINE)];
    const problems = [
      ...[oDrift, bDrift, oEnd, bEnd].flatMap((d, i) => (d.drifted || d.negative ? [`${i % 2 ? 'baseline' : 'service'}: ${d.drifted} accounts drifted from their entries, ${d.negative} negative`] : [])),
      ...outcomes.flatMap((o) => o.problems),
      ...(await sidesDisagree(db)),
    ];
    if (problems.length) throw new Error(`rewards: the results disagree:\n${problems.join('\n')}`);

    // Context, last because the service has no counterpart to compare its rows with: the baseline taking as
    // many events at once as it has connections (the service's consumer has no setting for it).
    log(`rewards: context, ${settings.rewardsEvents} events to the baseline taking 10 at once`);
    const parallel = await timed(BASELINE_PARALLEL, referralPlan(settings.rewardsEvents, settings.rewardsReferrers));
    const parallelDrift = await ledgerDrift(db, BASELINE);
    if (parallelDrift.drifted || parallelDrift.negative) throw new Error(`rewards: baseline taking 10 events at once: ${parallelDrift.drifted} accounts drifted, ${parallelDrift.negative} negative`);

    const ledgerName = `Ledger entries from ${settings.rewardsEvents.toLocaleString('en')} events (${(settings.rewardsEvents / 2).toLocaleString('en')} \`meeting.attended\` + ${(settings.rewardsEvents / 2).toLocaleString('en')} \`sale.recorded\`) through the real queue`;
    const publishing = (runs: LedgerRun[]) => runs.map((r) => `${r.publishSeconds.toFixed(2)} s`).join(' and ');
    return [
      {
        name: ledgerName,
        ours: ledgerSide('rewards service (BullMQ consumer, inbox, R-1/R-2 rules, ledger)', [o1, o2]),
        baseline: ledgerSide('plain BullMQ Worker + pg, entry and balance per event', [b1, b2]),
        notes: [
          `rows/s = ledger entries/s = events/s here: each event earns its referrer exactly one entry of 100 points (R-1 at the referred customer's first attendance, R-2 for a sale of 1,000–1,999 yuan); ${settings.rewardsReferrers.toLocaleString('en')} referrers, 10 meetings`,
          `timed from the first job added to the poll (every 100 ms) that counted every expected entry; service runs ${seconds([o1, o2])}, baseline runs ${seconds([b1, b2])}; adding the ${settings.rewardsEvents.toLocaleString('en')} jobs took ${publishing([o1, o2])} (service) and ${publishing([b1, b2])} (baseline), inside those times`,
          `CPU during the runs: service ${cpuFigures(asEvents([o1, o2]), 'event')}; baseline ${cpuFigures(asEvents([b1, b2]), 'event')}; CPU ratio (baseline per event / service per event) ${cpuRatio(asEvents([o1, o2]), asEvents([b1, b2]))}`,
          `pool connections on average: service ${statesFigures(asEvents([o1, o2]))}; baseline ${statesFigures(asEvents([b1, b2]))}`,
          `context: the same baseline taking 10 events at once (a Worker of concurrency 10, its pool's size) wrote ${(parallel.entries / parallel.seconds).toFixed(0)} entries/s (${parallel.seconds.toFixed(2)} s; ${cpuFigures(asEvents([parallel]), 'event')}), ${((parallel.entries / parallel.seconds) / ((b1.entries / b1.seconds + b2.entries / b2.seconds) / 2)).toFixed(1)} times its rate one at a time`,
          `both sides took the same events (run 1: baseline then service; run 2: service then baseline): the same ${(2 * settings.rewardsEvents).toLocaleString('en')} credits (customer, reason, cause, points) and the same balances; every cached balance equals the sum of its entries (service ${oDrift.accounts.toLocaleString('en')} accounts, ${oDrift.entries.toLocaleString('en')} entries; baseline ${bDrift.accounts.toLocaleString('en')}, ${bDrift.entries.toLocaleString('en')})`,
        ],
      },
      {
        name: `Redemptions, ${conns} concurrent callers, spread over ${accounts.length.toLocaleString('en')} accounts (${settings.redemptions.toLocaleString('en')} per run)`,
        ours: side('rewards service', 'req/s', [ro1, ro2]),
        baseline: side('plain Fastify + pg, conditional UPDATE + entry + idempotency row', 'req/s', [rb1, rb2]),
        notes: [
          `each side ran twice on the same two request lists (order baseline, service, service, baseline), each request a new Idempotency-Key; all ${(2 * settings.redemptions).toLocaleString('en')} answered 201 on both sides; service runs ${rates([ro1, ro2])}/s, max ${ms(Math.max(ro1.latencyMaxMs, ro2.latencyMaxMs))}; baseline runs ${rates([rb1, rb2])}/s, max ${ms(Math.max(rb1.latencyMaxMs, rb2.latencyMaxMs))}`,
          `CPU during the runs: service ${cpuFigures(asRequests([ro1, ro2]), 'request')}; baseline ${cpuFigures(asRequests([rb1, rb2]), 'request')}; CPU ratio ${cpuRatio(asRequests([ro1, ro2]), asRequests([rb1, rb2]))}`,
          `pool connections on average: service ${statesFigures(asRequests([ro1, ro2]))}; baseline ${statesFigures(asRequests([rb1, rb2]))}`,
        ],
      },
      {
        name: `Redemptions, ${conns} concurrent callers, all on ONE account funded for half of them (${settings.oneAccountRedemptions.toLocaleString('en')} per run)`,
        ours: contendedSide('rewards service', [co1, co2]),
        baseline: contendedSide('plain Fastify + pg, conditional UPDATE + entry + idempotency row', [cb1, cb2]),
        notes: [
          `every redemption waits for the account's row lock; each side ran twice, on two accounts funded by one \`sale.recorded\` each with ${funded.toLocaleString('en')} points (order baseline, service, service, baseline); rates count 201s and 409s alike`,
          `service: ${outcome(outcomes[1])}; then ${outcome(outcomes[2])}; max ${ms(Math.max(co1.latencyMaxMs, co2.latencyMaxMs))}`,
          `baseline: ${outcome(outcomes[0])}; then ${outcome(outcomes[3])}; max ${ms(Math.max(cb1.latencyMaxMs, cb2.latencyMaxMs))}`,
          `CPU during the runs: service ${cpuFigures(asRequests([co1, co2]), 'request')}; baseline ${cpuFigures(asRequests([cb1, cb2]), 'request')}; CPU ratio ${cpuRatio(asRequests([co1, co2]), asRequests([cb1, cb2]))}`,
          `pool connections on average: service ${statesFigures(asRequests([co1, co2]))}; baseline ${statesFigures(asRequests([cb1, cb2]))}`,
          `checked on both sides: successes × ${REDEEM_POINTS} points never more than funded, exactly ${funded / REDEEM_POINTS} succeeded (as many as the balance covers), the balance never negative and equal to the sum of the account's entries`,
        ],
      },
    ];
  } finally {
    await publisher.close();
    await baseline.stop();
    await withDatabase(db, dropRewardsScratch);
  }
}
