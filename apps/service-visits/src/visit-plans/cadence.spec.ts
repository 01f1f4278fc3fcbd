import { followUpDue, nextReturnVisit, parseCadence } from './cadence';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2031-03-01T02:00:00.000Z');

describe('return-visit cadence (V-3)', () => {
  const cadence = parseCadence('NEW:7x4,LOYAL:30,POTENTIAL:30,CHURNED:90');
  if (typeof cadence === 'string') throw new Error(cadence);

  it('reads the default: NEW weekly four times, LOYAL monthly, nothing by stage for PROBLEM', () => {
    expect(cadence).toEqual({ NEW: { everyDays: 7, times: 4 }, LOYAL: { everyDays: 30, times: null }, POTENTIAL: { everyDays: 30, times: null }, CHURNED: { everyDays: 90, times: null } });
    expect(cadence.PROBLEM).toBeUndefined();
  });

  it.each([
    ['NEW', 0, 7],
    ['NEW', 1, 7],
    ['NEW', 3, 7],
    ['LOYAL', 0, 30],
    ['LOYAL', 12, 30],
    ['POTENTIAL', 0, 30],
    ['CHURNED', 5, 90],
  ] as const)('%s after %i visits in the stage: due %i days on', (stage, made, days) => {
    expect(nextReturnVisit(cadence, stage, t0, made)).toEqual(new Date(t0.getTime() + days * DAY));
  });

  it('plans no fifth weekly visit of a NEW customer (the first month is over)', () => {
    expect(nextReturnVisit(cadence, 'NEW', t0, 4)).toBeNull();
    expect(nextReturnVisit(cadence, 'NEW', t0, 9)).toBeNull();
  });

  it('plans nothing by stage for PROBLEM: the follow-up after the resolution does', () => {
    expect(nextReturnVisit(cadence, 'PROBLEM', t0, 0)).toBeNull();
  });

  it('puts the follow-up within a day of the resolution, or what is configured', () => {
    expect(followUpDue(t0, 24)).toEqual(new Date(t0.getTime() + DAY));
    expect(followUpDue(t0, 4)).toEqual(new Date(t0.getTime() + 4 * 60 * 60 * 1000));
  });

  it('accepts an empty cadence (no plans by stage) and single stages', () => {
    expect(parseCadence('')).toEqual({});
    expect(parseCadence('LOYAL:14')).toEqual({ LOYAL: { everyDays: 14, times: null } });
    expect(parseCadence(' NEW:1x1 , LOYAL:365 ')).toEqual({ NEW: { everyDays: 1, times: 1 }, LOYAL: { everyDays: 365, times: null } });
  });

  it.each([
    ['NEW', /expected STAGE:days/],
    ['NEW:7x', /expected STAGE:days/],
    ['new:7', /expected STAGE:days/],
    ['VIP:7', /not a stage/],
    ['NEW:7,NEW:14', /twice/],
    ['NEW:0', /at least 1/],
    ['NEW:7x0', /at least 1/],
    ['NEW:-7', /expected/],
    ['NEW:7.5', /expected/],
  ])('refuses %s', (text, message) => {
    expect(parseCadence(text)).toMatch(message);
  });
});
