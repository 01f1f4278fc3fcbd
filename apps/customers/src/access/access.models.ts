import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../support/connection';

/** A partner key as listed, as REST's ApiKeyView: never its secret. */
@ObjectType({ description: 'A partner API key (sent as X-Api-Key); its secret is never shown again' })
export class ApiKey {
  @Field(() => ID, { description: 'The key' })
  id: string;

  @Field({ description: 'What the key is for' })
  name: string;

  @Field(() => [String], { description: 'What the key may do: customers:read, customers:write, …' })
  scopes: string[];

  @Field({ description: 'ISO 8601 instant it was issued' })
  createdAt: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 instant it was revoked; null while it works' })
  revokedAt: string | null;
}

/** What issueApiKey answers, as REST's IssuedApiKeyView. */
@ObjectType({ description: 'A partner key just issued: the only answer that shows the key itself' })
export class IssuedApiKey extends ApiKey {
  @Field({ description: 'The secret for the X-Api-Key header; shown once, never stored' })
  key: string;
}

@ObjectType({ description: 'A partner key in a list, with the cursor that continues the list after it' })
export class ApiKeyEdge {
  @Field(() => ApiKey, { description: 'The key' })
  node: ApiKey;

  @Field({ description: 'Pass as after to list the keys that follow this one' })
  cursor: string;
}

@ObjectType({ description: 'A page of partner keys, newest first' })
export class ApiKeyConnection {
  @Field(() => [ApiKeyEdge], { description: 'The keys of this page with their cursors' })
  edges: ApiKeyEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to ask for them' })
  pageInfo: PageInfo;
}
