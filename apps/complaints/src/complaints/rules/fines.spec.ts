import { ComplaintChannel } from './complaint-enums';
import { finesOnBreach, finesOnFiling } from './fines';

const employeeId = 'e';
const headId = 'h';

describe('fines by channel (C-2, C-3) and on breach (C-4)', () => {
  it.each([
    [ComplaintChannel.DISCOVERED, headId, [{ employeeId, rule: 'C-2', amountFen: 10_000 }]],
    [ComplaintChannel.DISCOVERED, null, [{ employeeId, rule: 'C-2', amountFen: 10_000 }]],
    [
      ComplaintChannel.TO_GENERAL_MANAGER,
      headId,
      [
        { employeeId, rule: 'C-3', amountFen: 10_000 },
        { employeeId: headId, rule: 'C-3', amountFen: 10_000 },
      ],
    ],
    [ComplaintChannel.TO_GENERAL_MANAGER, null, [{ employeeId, rule: 'C-3', amountFen: 10_000 }]],
    [ComplaintChannel.TO_GENERAL_MANAGER, employeeId, [{ employeeId, rule: 'C-3', amountFen: 10_000 }]],
    [ComplaintChannel.HOTLINE, headId, []],
    [ComplaintChannel.VISIT, headId, []],
    [ComplaintChannel.PARTNER, headId, []],
    [ComplaintChannel.OTHER, headId, []],
  ])('a %s complaint (head %s) fines %j when filed', (channel, head, fines) => {
    expect(finesOnFiling(channel, { employeeId, headId: head })).toEqual(fines);
  });

  it('fines the employee and the head 500 yuan each on a breach, whatever the channel', () => {
    expect(finesOnBreach({ employeeId, headId })).toEqual([
      { employeeId, rule: 'C-4', amountFen: 50_000 },
      { employeeId: headId, rule: 'C-4', amountFen: 50_000 },
    ]);
  });

  it('fines a head who is the employee concerned once, and only the employee of a department without a head', () => {
    expect(finesOnBreach({ employeeId, headId: employeeId })).toEqual([{ employeeId, rule: 'C-4', amountFen: 50_000 }]);
    expect(finesOnBreach({ employeeId, headId: null })).toEqual([{ employeeId, rule: 'C-4', amountFen: 50_000 }]);
  });
});
