import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { Allow, CurrentPrincipal, Principal } from '@crm/auth';
import { DEFAULT_PAGE_SIZE, encodeCursor } from '@crm/database';
import { CommonErrors } from '@crm/errors';
import { MAX_CONNECTION_PAGE } from '../support/connection';
import { CreateApiKeyDto } from './access.dto';
import { ApiKey, ApiKeyConnection, IssuedApiKey } from './access.models';
import { AccessPolicy } from './access.policy';
import { ApiKeysService } from './api-keys.service';

/** Partner keys over GraphQL: the same service calls and policy as ApiKeysController (ADMIN only). */
@Resolver(() => ApiKey)
export class AccessResolver {
  constructor(private readonly keys: ApiKeysService) {}

  /** REST answers every key in one page; the connection pages that list by the key after which to go on. */
  @Query(() => ApiKeyConnection, { description: 'Every partner key, newest first, without secrets (as GET /api/v1/api-keys). ADMIN only' })
  @Allow(AccessPolicy.manageApiKeys)
  async apiKeys(
    @Args('first', { type: () => Int, nullable: true, description: `How many keys, 1..${MAX_CONNECTION_PAGE} (default ${DEFAULT_PAGE_SIZE})` }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page' }) after: string | null,
  ): Promise<ApiKeyConnection> {
    const limit = first ?? DEFAULT_PAGE_SIZE;
    if (limit < 1 || limit > MAX_CONNECTION_PAGE) throw CommonErrors.VALIDATION_FAILED(`first must be between 1 and ${MAX_CONNECTION_PAGE}`);
    const all = await this.keys.list();
    const cursorOf = (k: { id: string }) => encodeCursor({ id: k.id });
    let start = 0;
    if (after) {
      start = all.findIndex((k) => cursorOf(k) === after) + 1;
      if (start === 0) throw CommonErrors.INVALID_CURSOR('The cursor is not one this list gave out');
    }
    const edges = all.slice(start, start + limit).map((node) => ({ node, cursor: cursorOf(node) }));
    const hasNextPage = start + limit < all.length;
    return { edges, pageInfo: { hasNextPage, endCursor: hasNextPage ? edges[edges.length - 1].cursor : null } };
  }

  @Mutation(() => IssuedApiKey, { description: 'Issue a partner key (as POST /api/v1/api-keys): the key is shown once. ADMIN only' })
  @Allow(AccessPolicy.manageApiKeys)
  issueApiKey(@CurrentPrincipal() admin: Principal, @Args('input', { description: 'Its name and scopes' }) input: CreateApiKeyDto): Promise<IssuedApiKey> {
    return this.keys.issue(admin, input.name, input.scopes);
  }

  @Mutation(() => ApiKey, { description: 'Revoke a partner key (as DELETE /api/v1/api-keys/{id}); API_KEY_NOT_FOUND for an unknown id. ADMIN only' })
  @Allow(AccessPolicy.manageApiKeys)
  revokeApiKey(@CurrentPrincipal() admin: Principal, @Args('id', { type: () => ID, description: 'The key' }) id: string): Promise<ApiKey> {
    if (!isUUID(id)) throw CommonErrors.VALIDATION_FAILED('id must be a UUID');
    return this.keys.revoke(admin, id);
  }
}
