import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '@crm/clock';
import { Transactions, type Tx } from '@crm/database';
import { OutboxWriter, SweepRunner } from '@crm/events';
import { CustomerStage, ValueTier } from '../customers/customer.entity';
import { HistoryKind } from '../history/customer-history.entity';
import { HistoryService } from '../history/history.service';
import { AppliedStageUpdate, ClassificationRepository, CustomerStageFacts, StageUpdate } from './classification.repository';
import { classifyStage, DAY_MS, DEFAULT_STAGE_WINDOWS, StageDecision, stageChange, StageWindows } from './stage';
import { assignValueTiers, VALUE_TIER_WINDOW_DAYS } from './value-tier';

export const CLASSIFICATION_OPTIONS = Symbol('CLASSIFICATION_OPTIONS');

export interface ClassificationOptions {
  /** CLASSIFICATION_CRON: when the nightly sweep runs, in BUSINESS_TZ. */
  cron: string;
  /** Customers per sweep transaction. */
  pageSize?: number;
  windows?: StageWindows;
}

export const CLASSIFICATION_SWEEP = 'classification';

/** Tiers set per statement (two arrays each, so large chunks are cheap). */
const TIER_CHUNK = 5000;

/** What caused a recomputation, for the S-3 history and the `customer.stage_changed` event. */
export interface StageTrigger {
  /** On the event: `sale.recorded:<event id>` or `sweep:classification`. */
  cause: string;
  /** Appended to the S-1 reason in the history entry. */
  note: string;
}

interface PlannedChange {
  update: StageUpdate;
  decision: StageDecision;
}

/**
 * S-1..S-3: a customer's stage is recomputed from the facts kept here whenever one of them changes, and for
 * every customer by the nightly `classification` sweep, which also assigns the S-2 value tiers. A change of
 * stage updates the customer, writes its lifecycle history and publishes `customer.stage_changed`, all in
 * the transaction of what caused it.
 */
@Injectable()
export class ClassificationService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: ClassificationRepository,
    private readonly history: HistoryService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly sweeps: SweepRunner,
    @Inject(CLASSIFICATION_OPTIONS) private readonly options: ClassificationOptions,
  ) {}

  onModuleInit(): void {
    this.sweeps.register({ name: CLASSIFICATION_SWEEP, pattern: this.options.cron, handler: (now) => this.sweep(now) });
  }

  private get windows(): StageWindows {
    return this.options.windows ?? DEFAULT_STAGE_WINDOWS;
  }

  /** Recomputes one customer's stage inside `tx`'s transaction (an event handler's). */
  async recompute(tx: Tx, customerId: string, trigger: StageTrigger): Promise<AppliedStageUpdate | null> {
    // Facts of a customer this service does not know are kept all the same; there is no stage to move.
    if (!(await this.repo.lockCustomer(tx, customerId))) return null;
    const now = this.clock.now();
    const planned = this.plan(await this.repo.factsOf(tx, [customerId]), now);
    const [applied] = await this.apply(tx, planned, now, trigger);
    return applied ?? null;
  }

  private plan(facts: readonly CustomerStageFacts[], now: Date): PlannedChange[] {
    const planned: PlannedChange[] = [];
    for (const f of facts) {
      const decision = classifyStage(
        { now, openComplaints: f.openComplaints, lastComplaintResolvedAt: f.lastComplaintResolvedAt, purchases: f.purchases, lastAttendedAt: f.lastAttendedAt },
        this.windows,
      );
      const change = stageChange(f.stage, decision);
      if (change) planned.push({ update: { customerId: f.customerId, from: f.stage, to: decision.stage as CustomerStage }, decision });
    }
    return planned;
  }

  /** Stage, history (S-3) and events for the planned changes, each step one statement. */
  private async apply(tx: Tx, planned: readonly PlannedChange[], now: Date, trigger: StageTrigger): Promise<AppliedStageUpdate[]> {
    if (!planned.length) return [];
    const applied = await this.repo.applyStages(tx, planned.map((p) => p.update), now);
    if (!applied.length) return [];
    const reasons = new Map(planned.map((p) => [p.update.customerId, p.decision.reason]));
    await this.history.record(
      tx,
      applied.map((a) => ({
        customerId: a.customerId,
        kind: HistoryKind.STAGE,
        fromValue: a.from,
        toValue: a.to,
        cause: `${reasons.get(a.customerId)} (${trigger.note})`,
        actorId: null,
        at: now,
      })),
    );
    await this.outbox.append(
      tx,
      applied.map((a) => ({
        name: 'customer.stage_changed' as const,
        payload: {
          customerId: a.customerId,
          ownerId: a.ownerId,
          departmentId: a.departmentId,
          from: a.from,
          to: a.to,
          cause: trigger.cause,
          changedAt: now.toISOString(),
        },
      })),
    );
    return applied;
  }

  /**
   * The `classification` sweep: every customer's stage (S-1), a page of customers per transaction with their
   * facts aggregated in one query, then every value tier (S-2). Idempotent: only rows that change are
   * written. Answers counts of what changed.
   */
  async sweep(now: Date): Promise<Record<string, unknown>> {
    const pageSize = this.options.pageSize ?? 1000;
    const trigger: StageTrigger = { cause: `sweep:${CLASSIFICATION_SWEEP}`, note: `${CLASSIFICATION_SWEEP} sweep` };
    const transitions: Record<string, number> = {};
    let customers = 0;
    let stagesChanged = 0;
    let after: string | null = null;
    for (;;) {
      const cursor: string | null = after;
      const { scanned, last, applied } = await this.transactions.run(async (tx) => {
        const page = await this.repo.factsPage(tx, cursor, pageSize);
        const done = await this.apply(tx, this.plan(page, now), now, trigger);
        return { scanned: page.length, last: page.length ? page[page.length - 1].customerId : null, applied: done };
      });
      customers += scanned;
      stagesChanged += applied.length;
      for (const a of applied) transitions[`${a.from}->${a.to}`] = (transitions[`${a.from}->${a.to}`] ?? 0) + 1;
      if (scanned < pageSize || !last) break;
      after = last;
    }
    const tiers = await this.assignTiers(now);
    return { customers, stagesChanged, transitions, ...tiers };
  }

  /** S-2 over trailing-365-day net spend, in one transaction so every tier comes from one ranking. */
  private assignTiers(now: Date) {
    const since = new Date(now.getTime() - VALUE_TIER_WINDOW_DAYS * DAY_MS);
    return this.transactions.run(async (tx) => {
      const spends = await this.repo.trailingSpend(tx, since);
      const tiers = assignValueTiers(spends);
      const tiered = [...tiers].flatMap(([customerId, tier]) => (tier ? [{ customerId, tier: tier as ValueTier }] : []));
      const tiersSet: Record<ValueTier, number> = { A: 0, B: 0, C: 0 };
      for (let i = 0; i < tiered.length; i += TIER_CHUNK) {
        for (const tier of await this.repo.applyTiers(tx, tiered.slice(i, i + TIER_CHUNK), now)) tiersSet[tier]++;
      }
      const tiersCleared = await this.repo.clearTiers(tx, since, now);
      const distribution: Record<ValueTier, number> = { A: 0, B: 0, C: 0 };
      for (const t of tiered) distribution[t.tier]++;
      return {
        spendingCustomers: tiered.length,
        tiersChanged: tiersSet.A + tiersSet.B + tiersSet.C + tiersCleared,
        tiersSet,
        tiersCleared,
        tiers: distribution,
      };
    });
  }
}
