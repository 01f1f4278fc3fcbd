import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@crm/database';
import { CommonErrors } from '@crm/errors';

/**
 * A list's page size, for REST (already checked by PageQueryDto) and GraphQL (whose `limit` argument is a bare
 * Int): 1 to MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE when left out. A candidate for @crm/http beside PageQueryDto.
 */
export function pageSize(limit: number | null | undefined): number {
  if (limit !== undefined && (limit === null || limit < 1 || limit > MAX_PAGE_SIZE)) throw CommonErrors.VALIDATION_FAILED(`limit must be from 1 to ${MAX_PAGE_SIZE}`);
  return limit ?? DEFAULT_PAGE_SIZE;
}
