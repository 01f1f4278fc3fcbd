export * from './request-context';
export * from './redaction';
export * from './logger';
export * from './access-log';
