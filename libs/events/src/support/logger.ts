import { createLogger } from '@crm/logging';
import type { Logger } from 'pino';

let fallback: Logger | undefined;

/**
 * The logger a component uses when its owner gave none: one shared pino instance, made on first use, so
 * components built in scripts and tests do not each open a stdout stream.
 */
export function loggerOr(logger: Logger | undefined, component: string): Logger {
  fallback ??= createLogger('events', 'info');
  return (logger ?? fallback).child({ component });
}
