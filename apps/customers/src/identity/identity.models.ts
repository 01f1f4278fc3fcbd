import { Field, Int, ObjectType } from '@nestjs/graphql';

/** What signIn and refreshSession answer, as REST's TokensView. */
@ObjectType({ description: 'Tokens of a session: an access token and the refresh token that renews it (works once)' })
export class Tokens {
  @Field({ description: 'Send as `Authorization: Bearer …`; an ES256 JWT valid for expiresIn seconds' })
  accessToken: string;

  @Field({ description: 'Exchange with refreshSession before the access token expires; works once' })
  refreshToken: string;

  @Field(() => Int, { description: 'Seconds the access token is valid for' })
  expiresIn: number;

  @Field({ description: 'Always Bearer' })
  tokenType: string;
}
