import { ApolloGatewayDriver, ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GATEWAY_CONFIG, GatewayConfig, isProduction } from '../config';
import { Upstreams } from '../routing/upstreams';
import { formatGatewayError } from './format-error';
import { aliasLimitRule, costLimitPlugin, costLimitRule, depthLimitRule } from './limits';
import { dataSourceBuilder } from './subgraph-data-sources';
import { readSupergraph } from './supergraph';

/** The gateway's Apollo options, from config alone, so tests can read exactly what production runs. */
export function gatewayGraphQLOptions(config: GatewayConfig, upstreams: Upstreams): ApolloGatewayDriverConfig {
  const production = isProduction(config);
  const logger = new Logger('ApolloGateway');
  return {
    gateway: {
      supergraphSdl: readSupergraph(config.SUPERGRAPH_PATH),
      buildService: dataSourceBuilder(upstreams),
      logger: {
        debug: (m: unknown) => logger.debug(String(m)),
        info: (m: unknown) => logger.log(String(m)),
        warn: (m: unknown) => logger.warn(String(m)),
        error: (m: unknown) => logger.error(String(m)),
      },
    },
    server: {
      path: '/graphql',
      graphiql: false,
      // architecture.md "Security": whatever the variables say, production has neither.
      introspection: !production && config.GRAPHQL_INTROSPECTION,
      includeStacktraceInErrorResponses: !production,
      hideSchemaDetailsFromClientErrors: production,
      // One operation per request: a batch would multiply the cost the limits below allow.
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      validationRules: [
        depthLimitRule(config.GRAPHQL_MAX_DEPTH),
        aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
        costLimitRule(config.GRAPHQL_MAX_COST, config.GRAPHQL_DEFAULT_LIST_SIZE),
      ],
      plugins: [costLimitPlugin(config.GRAPHQL_MAX_COST, config.GRAPHQL_DEFAULT_LIST_SIZE)],
      formatError: formatGatewayError(production),
    },
  };
}

/** The federated GraphQL API at /graphql, served from the committed supergraph. */
export function gatewayGraphQLModule() {
  return GraphQLModule.forRootAsync<ApolloGatewayDriverConfig>({
    driver: ApolloGatewayDriver,
    inject: [GATEWAY_CONFIG, Upstreams],
    useFactory: gatewayGraphQLOptions,
  });
}
