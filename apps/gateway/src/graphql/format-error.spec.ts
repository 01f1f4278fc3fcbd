import { GraphQLError } from 'graphql';
import { formatGatewayError } from './format-error';

describe('formatGatewayError', () => {
  const stacktrace = ['Error: x', '    at y (z.js:1:1)'];

  it('gives a refused limit its own code back', () => {
    const rule = new GraphQLError('too deep', { extensions: { code: 'GRAPHQL_DEPTH_LIMIT', limit: 4 } });
    const wrapped = new GraphQLError('too deep', { originalError: rule, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const out = formatGatewayError(true)({ message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 4 } }, wrapped);
    expect(out.extensions).toEqual({ code: 'GRAPHQL_DEPTH_LIMIT', limit: 4 });
  });

  it('leaves other validation errors as they are', () => {
    const wrapped = new GraphQLError('no such field', { originalError: new GraphQLError('no such field'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const out = formatGatewayError(false)({ message: 'no such field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrapped);
    expect(out.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('in production drops stack traces and hides unexpected gateway errors', () => {
    const format = formatGatewayError(true);
    expect(format({ message: 'boom', extensions: { code: 'BOOM', serviceName: 'customers', stacktrace } }, undefined)).toEqual({
      message: 'boom',
      extensions: { code: 'BOOM', serviceName: 'customers' },
    });
    expect(format({ message: 'Cannot read properties of undefined (reading "x")', path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } }, undefined)).toEqual({
      message: 'An unexpected error occurred',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('outside production keeps the gateway\'s own stack traces, not those of its re-wrapped subgraph errors', () => {
    const format = formatGatewayError(false);
    expect(format({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } }, undefined).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', stacktrace });
    expect(format({ message: 'x', extensions: { code: 'BOOM', serviceName: 'customers', stacktrace } }, undefined).extensions).toEqual({ code: 'BOOM', serviceName: 'customers' });
  });
});
