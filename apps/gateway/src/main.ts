import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { describeEnvIfAsked } from '@crm/config';
import { gatewayConfigSchema, loadGatewayConfig } from './config';
import { createGatewayApp } from './gateway-app';

describeEnvIfAsked(gatewayConfigSchema);

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  new Logger('Gateway').log(`listening on :${config.PORT} (${config.NODE_ENV})`);
}

main().catch((error: unknown) => {
  // Config errors name every bad variable; anything else is a start-up failure worth its stack.
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
