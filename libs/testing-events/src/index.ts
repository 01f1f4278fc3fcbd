export * from './event-feed';
