import { defineErrors } from '@crm/errors';

/** The archives context's error codes (O-1..O-4); REST shows them as problem details. */
export const ArchiveErrors = defineErrors({
  OUTREACH_EVENT_NOT_FOUND: { status: 404, title: 'Outreach event not found' },
  OUTREACH_EVENT_HAS_NO_PARTICIPANTS: { status: 422, title: 'The outreach event has no participating employees' },
  OUTREACH_DEPARTMENT_NOT_FOUND: { status: 422, title: 'The department that organised the outreach event is not known' },
  DEPARTMENT_HAS_NO_HEAD: { status: 422, title: 'The organising department has no head to hold the archives until allocation' },
  ARCHIVE_CSV_INVALID: { status: 422, title: 'The archive file cannot be read as a whole' },
  ARCHIVE_BATCH_EMPTY: { status: 422, title: 'The batch holds no records' },
  ARCHIVE_BATCH_TOO_LARGE: { status: 422, title: 'The batch holds too many records' },
  ARCHIVE_BATCH_NOT_FOUND: { status: 404, title: 'Archive batch not found' },
  BATCH_ALREADY_ALLOCATED: { status: 409, title: 'The batch has already been allocated' },
  BATCH_NOT_IN_DEPARTMENT: { status: 403, title: 'Only the head of the organising department may allocate this batch' },
  PARTICIPANT_NOT_AN_EMPLOYEE: { status: 422, title: 'A participant of the outreach event is not an employee with a department' },
  ALLOCATION_IMPOSSIBLE: { status: 422, title: 'The batch cannot be allocated evenly' },
  CONCURRENT_ARCHIVE_CHANGE: { status: 409, title: 'The archives changed while the batch was stored; submit it again' },
});
