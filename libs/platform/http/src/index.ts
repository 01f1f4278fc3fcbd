export * from './validation';
export * from './health.controller';
export * from './clock-admin.controller';
export * from './platform.module';
export * from './bootstrap';
export * from './subgraph';
export * from './page-query.dto';
export * from './openapi';
