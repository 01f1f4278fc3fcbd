import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemDetailsFilter } from '@crm/errors';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { GatewayConfig } from './config';
import { GatewayCoreModule } from './gateway-core.module';
import { gatewayGraphQLModule } from './graphql/gateway-graphql.module';
import { HealthModule } from './health/health.module';
import { RoutingModule } from './routing/routing.module';

/** The gateway: federated GraphQL at /graphql, REST under /api/v1 routed to its owner, /health, and the API's description at /api/docs. */
@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [GatewayCoreModule.forRoot(config), RoutingModule, HealthModule, ApiDocsModule, gatewayGraphQLModule()],
      // The gateway's own answers (unknown paths, health) are problem+json like every service's.
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
