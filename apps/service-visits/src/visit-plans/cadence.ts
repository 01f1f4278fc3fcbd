/** S-1 stages, as customers announces them. */
export const STAGES = ['POTENTIAL', 'NEW', 'LOYAL', 'PROBLEM', 'CHURNED'] as const;
export type Stage = (typeof STAGES)[number];

/** Return visits of one stage (V-3): every `everyDays`, at most `times` visits in the stage (unbounded when null). */
export interface StageCadence {
  everyDays: number;
  times: number | null;
}

export type Cadence = Partial<Record<Stage, StageCadence>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reads `NEW:7x4,LOYAL:30`: a stage, the days between return visits, and optionally how many visits the stage
 * gets (`7x4`: weekly for the first month). A stage not listed gets no cadence plans (PROBLEM customers are
 * followed up after each complaint's resolution instead). Answers the cadence, or what is wrong with the text.
 */
export function parseCadence(text: string): Cadence | string {
  const cadence: Cadence = {};
  if (text.trim() === '') return cadence;
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^([A-Z]+):(\d{1,3})(?:x(\d{1,3}))?$/.exec(part);
    if (!match) return `has "${part}", expected STAGE:days or STAGE:daysxtimes (e.g. NEW:7x4)`;
    const stage = match[1] as Stage;
    if (!STAGES.includes(stage)) return `names ${match[1]}, not a stage (${STAGES.join(', ')})`;
    if (cadence[stage]) return `names ${stage} twice`;
    const everyDays = Number(match[2]);
    const times = match[3] === undefined ? null : Number(match[3]);
    if (everyDays < 1) return `${stage}: days must be at least 1`;
    if (times !== null && times < 1) return `${stage}: times must be at least 1`;
    cadence[stage] = { everyDays, times };
  }
  return cadence;
}

/**
 * When the next return visit of a customer in `stage` falls due, counting from `from` (entering the stage, or
 * the last return visit), given how many return visits the stage has had; null when the stage plans none (more).
 */
export function nextReturnVisit(cadence: Cadence, stage: Stage, from: Date, visitsInStage: number): Date | null {
  const rule = cadence[stage];
  if (!rule) return null;
  if (rule.times !== null && visitsInStage >= rule.times) return null;
  return new Date(from.getTime() + rule.everyDays * DAY_MS);
}

/** A follow-up after a complaint's resolution (V-3: PROBLEM within a day) falls due this long after it. */
export function followUpDue(resolvedAt: Date, withinHours: number): Date {
  return new Date(resolvedAt.getTime() + withinHours * 60 * 60 * 1000);
}
