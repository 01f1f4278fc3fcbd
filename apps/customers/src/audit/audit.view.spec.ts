import { AuditAction } from './audit-entry.entity';
import { actorIdOf, auditEntryView } from './audit.view';

describe('P-2 audit lines as the API shows them', () => {
  it.each([
    ['employee:7f0c4a6e-0000-4000-8000-000000000001', '7f0c4a6e-0000-4000-8000-000000000001'],
    ['partner:9d2e0000-0000-4000-8000-000000000002', '9d2e0000-0000-4000-8000-000000000002'],
    ['system', null],
  ])('reads the actor id of %s', (actor, id) => {
    expect(actorIdOf(actor)).toBe(id);
  });

  it('names the customer the line is about and keeps the actor and what was done', () => {
    const at = new Date('2026-03-01T10:00:00.000Z');
    expect(
      auditEntryView({ id: 'a', actor: 'employee:e', action: AuditAction.OWNER_CHANGED, subjectType: 'customer', subjectId: 'c', detail: { from: 'x', to: 'y' }, at }),
    ).toEqual({ id: 'a', actorId: 'e', actor: 'employee:e', action: 'OWNER_CHANGED', customerId: 'c', at: '2026-03-01T10:00:00.000Z', detail: { from: 'x', to: 'y' } });
  });
});
