import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';

/**
 * A service's GraphQL subgraph (Federation 2, code-first). Errors keep their `extensions.code` and lose their
 * stack trace; introspection of a subgraph is only for the gateway's build and tests outside production.
 */
export function subgraphModule(options: { production: boolean; schemaFile?: string }) {
  // Outside production the SDL is written to the service's committed schema.graphql (the gateway's
  // supergraph is composed from those files); in production nothing is written.
  return GraphQLModule.forRoot<ApolloFederationDriverConfig>({
    driver: ApolloFederationDriver,
    path: '/graphql',
    autoSchemaFile: options.production || !options.schemaFile ? { federation: 2 } : { federation: 2, path: options.schemaFile },
    sortSchema: true,
    graphiql: false,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // No Apollo Studio here: federated traces would only add bytes to every subgraph answer.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    formatError: (formatted: GraphQLFormattedError) => {
      const { stacktrace: _s, originalError: _o, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions: { ...extensions, code: extensions.code ?? 'INTERNAL' } };
    },
  });
}
