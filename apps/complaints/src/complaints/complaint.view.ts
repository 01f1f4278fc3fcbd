import { ApiProperty } from '@nestjs/swagger';
import { ComplaintActionEntity, ComplaintEntity, ComplaintFineEntity } from './complaint.entities';
import { ComplaintCause, ComplaintChannel, ComplaintStatus, SlaState } from './rules/complaint-enums';

/** A complaint as both transports answer it: instants as ISO strings. */
export class ComplaintView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ format: 'uuid', description: 'The employee concerned' })
  employeeId: string;

  @ApiProperty({ format: 'uuid', description: "The employee's department when the complaint was filed" })
  departmentId: string;

  @ApiProperty({
    format: 'uuid',
    description: "The department that owned the customer when the complaint was filed: its head is fined (C-3, C-4) and a breach moves the customer to another department",
  })
  customerDepartmentId: string;

  @ApiProperty({ enum: ComplaintCause, description: 'Why the customer complains (C-1)' })
  cause: ComplaintCause;

  @ApiProperty({ enum: ComplaintChannel, description: 'How the complaint came to light (C-1); C-2 and C-3 fine by it' })
  channel: ComplaintChannel;

  @ApiProperty({ example: '上门服务迟到两小时' })
  description: string;

  @ApiProperty({ enum: ComplaintStatus })
  status: ComplaintStatus;

  @ApiProperty({ enum: SlaState, description: 'Where the complaint stands against its deadline (C-4)' })
  sla: SlaState;

  @ApiProperty({ format: 'date-time', example: '2030-09-01T02:00:00.000Z' })
  filedAt: string;

  @ApiProperty({ format: 'date-time', description: 'C-4: the complaint is breached if it is not resolved by then; a reopening keeps it', example: '2030-09-04T02:00:00.000Z' })
  dueAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The latest resolution (C-5)' })
  resolvedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What was done (C-5)', example: '部门经理上门致歉, 更换产品' })
  resolutionNote: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The employee who resolved it' })
  resolvedBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set once: a complaint is reopened at most once' })
  reopenedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the resolution did not hold', example: '顾客回访不满意' })
  reopenReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the complaint-sla sweep breached it (C-4)' })
  breachedAt: string | null;
}

/** A fine the complaint imposed (C-2, C-3, C-4). */
export class ComplaintFineView {
  @ApiProperty({ format: 'uuid', description: 'The employee fined' })
  employeeId: string;

  @ApiProperty({ enum: ['C-2', 'C-3', 'C-4'], description: 'The rule that fined' })
  rule: string;

  @ApiProperty({ description: 'The amount in fen (1 yuan = 100 fen)', example: 10_000 })
  amountFen: number;

  @ApiProperty({ format: 'date-time' })
  imposedAt: string;
}

/** What someone did about a complaint (C-5); the employee it names may record one, not the resolution. */
export class ComplaintActionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  complaintId: string;

  @ApiProperty({ description: 'What was done', example: '已电话联系顾客致歉, 约定明天上门' })
  note: string;

  @ApiProperty({ format: 'uuid', description: 'The employee who recorded it' })
  recordedBy: string;

  @ApiProperty({ format: 'date-time', example: '2030-09-01T06:00:00.000Z' })
  recordedAt: string;
}

/** A complaint with the fines it imposed and the actions recorded on it (GET /api/v1/complaints/{id}). */
export class ComplaintWithFinesView extends ComplaintView {
  @ApiProperty({ type: [ComplaintFineView], description: 'Oldest first' })
  fines: ComplaintFineView[];

  @ApiProperty({ type: [ComplaintActionView], description: 'What was done about it (C-5), oldest first' })
  actions: ComplaintActionView[];
}

export function complaintView(c: ComplaintEntity): ComplaintView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: c.id,
    customerId: c.customerId,
    employeeId: c.employeeId,
    departmentId: c.departmentId,
    customerDepartmentId: c.customerDepartmentId,
    cause: c.cause,
    channel: c.channel,
    description: c.description,
    status: c.status,
    sla: c.sla,
    filedAt: c.filedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    resolvedAt: iso(c.resolvedAt),
    resolutionNote: c.resolutionNote,
    resolvedBy: c.resolvedBy,
    reopenedAt: iso(c.reopenedAt),
    reopenReason: c.reopenReason,
    breachedAt: iso(c.breachedAt),
  };
}

export function complaintFineView(f: ComplaintFineEntity): ComplaintFineView {
  return { employeeId: f.employeeId, rule: f.rule, amountFen: f.amountFen, imposedAt: f.imposedAt.toISOString() };
}

export function complaintActionView(a: ComplaintActionEntity): ComplaintActionView {
  return { id: a.id, complaintId: a.complaintId, note: a.note, recordedBy: a.recordedBy, recordedAt: a.recordedAt.toISOString() };
}

export function complaintWithFinesView(c: ComplaintEntity, fines: readonly ComplaintFineEntity[], actions: readonly ComplaintActionEntity[]): ComplaintWithFinesView {
  return { ...complaintView(c), fines: fines.map(complaintFineView), actions: actions.map(complaintActionView) };
}
