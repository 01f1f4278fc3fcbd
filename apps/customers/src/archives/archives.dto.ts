import { ApiProperty } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { CommonErrors } from '@crm/errors';

/** OpenAPI shape of the JSON form of `POST /api/v1/archive-batches` (the CSV form sends the file as the body). */
export class SubmitArchiveBatchDto {
  @ApiProperty({ format: 'uuid', description: 'The outreach event (O-1) where the archives were collected' })
  outreachEventId: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Archive records {name, phone, gender?, birthDate?, address?, notes?}; row 1 is records[0]',
    example: [{ name: '李秀英', phone: '138 1234 5678', gender: '女', birthDate: '1956-04-12', address: '朝阳区' }],
  })
  records: unknown[];
}

/** A batch as it arrives: JSON records, or the text of a CSV file (O-2). */
export type ArchiveBatchInput = { outreachEventId: string; records: unknown[] } | { outreachEventId: string; csv: string };

const KNOWN_KEYS = new Set(['outreachEventId', 'records']);

function invalid(field: string, reason: string): never {
  throw CommonErrors.VALIDATION_FAILED(`${field} ${reason}`, { errors: [{ field, reason }] });
}

/**
 * Reads the body of `POST /api/v1/archive-batches`. The body parser hands `text/csv` bodies over as strings,
 * whose outreach event is named in the query; JSON bodies name it themselves (or in the query). Checked here,
 * not by the ValidationPipe, because the body is one of two shapes. Row problems are not errors: they are
 * reported per row by the service (O-3).
 */
export function archiveBatchInput(body: unknown, queryOutreachEventId: string | undefined): ArchiveBatchInput {
  if (typeof body === 'string') {
    if (!queryOutreachEventId) invalid('outreachEventId', 'is required as a query parameter with a CSV body');
    if (!isUUID(queryOutreachEventId)) invalid('outreachEventId', 'must be a UUID');
    return { outreachEventId: queryOutreachEventId, csv: body };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    invalid('body', 'must be a JSON object {outreachEventId, records[]} or a text/csv file');
  }
  const b = body as Record<string, unknown>;
  const unknownKeys = Object.keys(b).filter((k) => !KNOWN_KEYS.has(k));
  if (unknownKeys.length) {
    throw CommonErrors.VALIDATION_FAILED(`property ${unknownKeys.join(', ')} should not exist`, {
      errors: unknownKeys.map((field) => ({ field, reason: 'should not exist' })),
    });
  }
  const outreachEventId = b.outreachEventId ?? queryOutreachEventId;
  if (outreachEventId === undefined || outreachEventId === null || outreachEventId === '') invalid('outreachEventId', 'is required');
  if (typeof outreachEventId !== 'string' || !isUUID(outreachEventId)) invalid('outreachEventId', 'must be a UUID');
  if (queryOutreachEventId !== undefined && queryOutreachEventId !== outreachEventId) {
    invalid('outreachEventId', 'differs between the body and the query');
  }
  if (!Array.isArray(b.records)) invalid('records', 'must be an array of archive records');
  return { outreachEventId, records: b.records };
}
