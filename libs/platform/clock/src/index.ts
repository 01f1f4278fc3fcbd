export * from './clock';
export * from './shared-offset';
export * from './business-time';
export * from './clock.module';
export * from './real-time';
