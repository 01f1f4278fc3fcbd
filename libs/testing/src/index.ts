export * from './database';
export * from './service-app';
export * from './suite-client';
export * from './suite-processes';
export * from './eventually';
export * from './suite-session';
