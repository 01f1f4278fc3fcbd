import { DynamicModule, Global, Module } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from './config';
import { Upstreams } from './routing/upstreams';

/** The validated config and the service pools, shared by routing, health and GraphQL. */
@Global()
@Module({})
export class GatewayCoreModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const providers = [
      { provide: GATEWAY_CONFIG, useValue: config },
      { provide: Upstreams, useFactory: () => Upstreams.fromConfig(config) },
    ];
    return { module: GatewayCoreModule, providers, exports: providers };
  }
}
