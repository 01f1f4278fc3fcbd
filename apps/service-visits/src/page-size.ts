import { DEFAULT_PAGE_SIZE } from '@crm/database';
import { CommonErrors } from '@crm/errors';

/**
 * A list's page size, for REST (already checked by PageQueryDto) and GraphQL (whose `limit` argument is a bare
 * Int): 1 to 200, DEFAULT_PAGE_SIZE when left out. A candidate for @crm/http beside PageQueryDto.
 */
export function pageSize(limit: number | null | undefined): number {
  if (limit !== undefined && (limit === null || limit < 1 || limit > 200)) throw CommonErrors.VALIDATION_FAILED('limit must be from 1 to 200');
  return limit ?? DEFAULT_PAGE_SIZE;
}
