export * from './event-feed';
export * from './service-harness';
