import { TakeoverStatus } from './takeover-report.entity';
import { approvalBlocker } from './takeover-rules';

describe('V-2: when a takeover report may be approved', () => {
  const pending = { status: TakeoverStatus.PENDING, departmentId: 'A' };

  it('approves a pending report while the customer belongs to the reported department, whoever in it owns them', () => {
    expect(approvalBlocker(pending, { departmentId: 'A' })).toBeNull();
  });

  it.each([TakeoverStatus.APPROVED, TakeoverStatus.DECLINED])('never decides a %s report again', (status) => {
    expect(approvalBlocker({ status, departmentId: 'A' }, { departmentId: 'A' })).toEqual({ code: 'TAKEOVER_ALREADY_DECIDED', status });
    // Decided comes first, even when the customer has moved since.
    expect(approvalBlocker({ status, departmentId: 'A' }, { departmentId: 'B' })).toEqual({ code: 'TAKEOVER_ALREADY_DECIDED', status });
  });

  it('refuses a report whose customer left the reported department, or is unknown', () => {
    expect(approvalBlocker(pending, { departmentId: 'B' })).toEqual({ code: 'TAKEOVER_CUSTOMER_MOVED', currentDepartmentId: 'B' });
    expect(approvalBlocker(pending, null)).toEqual({ code: 'TAKEOVER_CUSTOMER_MOVED', currentDepartmentId: null });
  });
});
