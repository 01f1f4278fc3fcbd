import type { RunningSuite } from '@crm/testing';
import { createCampaignsScratch, dropCampaignsScratch } from './baselines/campaigns-scratch';
import { allSucceeded, answers, ms, rates, side } from './support/campaigns-figures';
import { departmentSheets, everyoneTo, meetingDateAhead, sheetMeetingPlan, sheetVerdictNow } from './support/campaigns-plan';
import { confirmRequests, inviteRequests, sheetRequests, Target } from './support/campaigns-requests';
import { Measured } from './support/campaigns-report';
import { JOINT_DEPARTMENTS, JointCompany, planJointMeetings, postOnceKnown, seedJointCompany } from './support/campaigns-seed';
import { startBenchProcess } from './support/child-process';
import { withDatabase } from './support/db';
import { FixedLoadFigures, sendEach } from './support/fixed-load';
import { inParallel } from './support/http';
import { BenchSettings } from './support/settings';

export interface CampaignsBenchContext {
  suite: RunningSuite;
  settings: BenchSettings;
  /** The suite's BUSINESS_TZ for this run (businessZoneFor). */
  tz: string;
  log(line: string): void;
}

interface Round {
  invite: FixedLoadFigures;
  confirm: FixedLoadFigures;
  sheets: FixedLoadFigures;
}

/** Part 1 on one side: every customer invited to one joint meeting by its owner, confirmed, then the five sheets. */
async function jointMeetingRound(url: string, target: Target, company: JointCompany, meetingId: string, connections: number, tz: string): Promise<Round> {
  const invitations = everyoneTo(company, meetingId);
  const invite = allSucceeded(await sendEach(url, inviteRequests(target, invitations), connections, true), `${target} invitations`);
  const confirm = allSucceeded(await sendEach(url, confirmRequests(target, invitations, invite.ids), connections), `${target} confirmations`);
  const sheets = allSucceeded(await sendEach(url, sheetRequests(target, company, departmentSheets(company, meetingId), sheetVerdictNow(tz)), JOINT_DEPARTMENTS), `${target} sheets`);
  return { invite, confirm, sheets };
}

/**
 * Warms the service up with a whole round on a meeting of its own, and waits on the way until campaigns knows
 * every customer: it learns them from customer.registered, and answers 422 CUSTOMER_NOT_FOUND until then.
 */
async function warmUpService(url: string, company: JointCompany, meetingId: string, connections: number, tz: string): Promise<void> {
  const invitations = everyoneTo(company, meetingId);
  const ids: string[] = new Array(invitations.length);
  await inParallel(invitations, connections, async ({ customer }, i) => {
    const path = `/api/v1/meetings/${meetingId}/invitations`;
    ids[i] = (await postOnceKnown<{ id: string }>(url, path, customer.owner.headers, { customerId: customer.id }, 'CUSTOMER_NOT_FOUND')).id;
  });
  allSucceeded(await sendEach(url, confirmRequests('service', invitations, ids), connections), 'warm-up confirmations');
  allSucceeded(await sendEach(url, sheetRequests('service', company, departmentSheets(company, meetingId), sheetVerdictNow(tz)), JOINT_DEPARTMENTS), 'warm-up sheets');
}

/** What the service's sheets did, read back: on time (locking at once) or late (claims settled at 18:00's reconciliation). */
async function sheetOutcome(dbUrl: string, meetingIds: string[]): Promise<string> {
  return withDatabase(dbUrl, async (c) => {
    const sheets = await c.query<{ late: boolean; n: number; customers: number }>(
      'SELECT late, count(*)::int AS n, sum(cardinality(customer_ids))::int AS customers FROM campaigns.sheets WHERE meeting_id = ANY($1) GROUP BY late',
      [meetingIds],
    );
    const locks = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM campaigns.meeting_locks WHERE meeting_id = ANY($1)', [meetingIds]);
    const parts = sheets.rows.map((r) => `${r.n.toLocaleString('en')} ${r.late ? 'late (claims pending until the reconciliation)' : 'on time'} listing ${r.customers.toLocaleString('en')} customers`);
    return `${parts.join(' and ')}; ${locks.rows[0].n.toLocaleString('en')} locks taken at once`;
  });
}

/**
 * Issue #3: invitations, confirmations and daily sheets of joint meetings, each against a plain Fastify + pg
 * server writing the same rows (bench/baselines/plain-campaigns-server.ts), plus the invitation latency under
 * 50 concurrent callers.
 */
export async function campaignsBench(ctx: CampaignsBenchContext): Promise<Measured[]> {
  const { suite, settings, log, tz } = ctx;
  const url = suite.serviceUrls.campaigns;
  const conns = settings.connections;
  const sheetMeetings = settings.sheetMeetings;
  const perSheet = settings.sheetCustomers;

  log(`campaigns: registering ${settings.customers} customers in ${JOINT_DEPARTMENTS} departments through the gateway`);
  const company = await seedJointCompany(suite.gatewayUrl, settings.customers);
  if (perSheet > Math.floor(settings.customers / JOINT_DEPARTMENTS)) throw new Error(`BENCH_SHEET_CUSTOMERS ${perSheet} is more than a department's ${settings.customers / JOINT_DEPARTMENTS} customers`);
  const meetingDate = meetingDateAhead(tz);
  const [warmUp, warmUpAgain, first, second, manyCallers, ...sheetMeetingIds] = await planJointMeetings(suite.gatewayUrl, company, meetingDate, 5 + sheetMeetings, '联谊会');

  await withDatabase(suite.db.url, createCampaignsScratch);
  const baseline = await startBenchProcess('baselines/plain-campaigns-server', { DATABASE_URL: suite.db.url, POOL_SIZE: '10' });
  try {
    log('campaigns: warm-up (waits until campaigns knows every customer)');
    await warmUpService(url, company, warmUp, conns, tz);
    // Two rounds a side: after one, the first measured run of either side was still 20-30% slower than its second.
    for (const meetingId of [warmUp, warmUpAgain]) await jointMeetingRound(baseline.url, 'baseline', company, meetingId, conns, tz);
    await jointMeetingRound(url, 'service', company, warmUpAgain, conns, tz);

    log(`campaigns: ${settings.customers} invitations, confirmations and 5 sheets per joint meeting, order baseline, service, service, baseline`);
    const b1 = await jointMeetingRound(baseline.url, 'baseline', company, first, conns, tz);
    const o1 = await jointMeetingRound(url, 'service', company, first, conns, tz);
    const o2 = await jointMeetingRound(url, 'service', company, second, conns, tz);
    const b2 = await jointMeetingRound(baseline.url, 'baseline', company, second, conns, tz);

    const plan = sheetMeetingPlan(company, sheetMeetingIds, perSheet);
    const n = plan.invitations.length;
    log(`campaigns: ${n} invitations with ${settings.inviteConnections} concurrent callers, baseline then service`);
    const bInvite = await sendEach(baseline.url, inviteRequests('baseline', plan.invitations), settings.inviteConnections, true);
    const oInvite = await sendEach(url, inviteRequests('service', plan.invitations), settings.inviteConnections, true);
    const bConfirm = allSucceeded(await sendEach(baseline.url, confirmRequests('baseline', plan.invitations, bInvite.ids), conns), 'baseline confirmations');
    const oConfirm = allSucceeded(await sendEach(url, confirmRequests('service', plan.invitations, oInvite.ids), conns), 'service confirmations');

    log(`campaigns: ${plan.sheets.length} sheets of ${perSheet} customers, baseline then service`);
    const bSheets = allSucceeded(await sendEach(baseline.url, sheetRequests('baseline', company, plan.sheets, sheetVerdictNow(tz)), conns), 'baseline sheets');
    const oSheets = allSucceeded(await sendEach(url, sheetRequests('service', company, plan.sheets, sheetVerdictNow(tz)), conns), 'service sheets');
    const outcome = await sheetOutcome(suite.db.url, sheetMeetingIds);

    // Confirmations with as many callers as the latency run: five times the pool, so they queue for connections.
    log(`campaigns: ${settings.customers} confirmations with ${settings.inviteConnections} concurrent callers, baseline then service`);
    const probe = everyoneTo(company, manyCallers);
    const bProbeIds = allSucceeded(await sendEach(baseline.url, inviteRequests('baseline', probe), conns, true), 'baseline invitations').ids;
    const oProbeIds = allSucceeded(await sendEach(url, inviteRequests('service', probe), conns, true), 'service invitations').ids;
    const bProbe = await sendEach(baseline.url, confirmRequests('baseline', probe, bProbeIds), settings.inviteConnections);
    const oProbe = await sendEach(url, confirmRequests('service', probe, oProbeIds), settings.inviteConnections);

    const plain = 'plain Fastify + pg';
    const jointNote = `each side ran twice, on two joint meetings of the 5 departments (order baseline, service, service, baseline); ${conns} connections`;
    return [
      {
        name: `Invitations: ${settings.customers.toLocaleString('en')} customers to one joint meeting of 5 departments`,
        ours: side('campaigns service', 'invitations/s', [o1.invite, o2.invite]),
        baseline: side(`${plain} INSERT`, 'invitations/s', [b1.invite, b2.invite]),
        notes: [
          `${jointNote}; each customer invited by its owner (20 employees in all); service runs ${rates([o1.invite, o2.invite])}/s, baseline runs ${rates([b1.invite, b2.invite])}/s`,
        ],
      },
      {
        name: `Confirmations of those ${settings.customers.toLocaleString('en')} invitations`,
        ours: side('campaigns service', 'confirmations/s', [o1.confirm, o2.confirm]),
        baseline: side(`${plain} UPDATE`, 'confirmations/s', [b1.confirm, b2.confirm]),
        notes: [
          `each side ran twice, on the same two meetings, with ${conns} connections; ` +
            `each confirmed by the employee who invited; service runs ${rates([o1.confirm, o2.confirm])}/s, baseline runs ${rates([b1.confirm, b2.confirm])}/s`,
        ],
      },
      {
        name: `Daily sheets: ${plan.sheets.length.toLocaleString('en')} (${sheetMeetings} joint meetings × 5 departments, ${perSheet} confirmed customers each)`,
        ours: side('campaigns service', 'sheets/s', [oSheets]),
        baseline: side(`${plain}, same rows in one transaction`, 'sheets/s', [bSheets]),
        notes: [
          `${conns} connections, baseline then service; the service's sheets: ${outcome}`,
          `the five sheets of ${settings.customers / JOINT_DEPARTMENTS} customers each on the two meetings above, sent at once: service p50 ${ms(o1.sheets.latencyP50Ms)} / ${ms(o2.sheets.latencyP50Ms)}, slowest ${ms(o1.sheets.latencyMaxMs)} / ${ms(o2.sheets.latencyMaxMs)}; ` +
            `baseline p50 ${ms(b1.sheets.latencyP50Ms)} / ${ms(b2.sheets.latencyP50Ms)}, slowest ${ms(b1.sheets.latencyMaxMs)} / ${ms(b2.sheets.latencyMaxMs)}`,
        ],
      },
      {
        name: `Invitation latency, ${settings.inviteConnections} concurrent callers (${n.toLocaleString('en')} distinct meeting/customer pairs)`,
        ours: side('campaigns service', 'invitations/s', [oInvite]),
        baseline: side(`${plain} INSERT`, 'invitations/s', [bInvite]),
        notes: [
          `service: ${answers(oInvite)}; max ${ms(oInvite.latencyMaxMs)}`,
          `baseline: ${answers(bInvite)}; max ${ms(bInvite.latencyMaxMs)}`,
          `confirming them for the sheets, ${conns} callers: service ${oConfirm.rate.toFixed(0)} confirmations/s, p99 ${ms(oConfirm.latencyP99Ms)}; baseline ${bConfirm.rate.toFixed(0)}/s, p99 ${ms(bConfirm.latencyP99Ms)}`,
        ],
      },
      {
        name: `Confirmations, ${settings.inviteConnections} concurrent callers (${settings.customers.toLocaleString('en')} invitations of one joint meeting)`,
        ours: side(oProbe.stalled ? 'campaigns service, **stopped answering**' : 'campaigns service', 'confirmations/s', [oProbe]),
        baseline: side(`${plain} UPDATE`, 'confirmations/s', [bProbe]),
        notes: [`service: ${answers(oProbe)}`, `baseline: ${answers(bProbe)}`],
      },
    ];
  } finally {
    await baseline.stop();
    await withDatabase(suite.db.url, dropCampaignsScratch);
  }
}
