import type { OpenAPIObject } from '@nestjs/swagger';
import { canonicalJson, idempotencyKeyFrom } from './idempotency-key';
import { keyMaterialOf, openAnswer, requestHashOf, sealAnswer } from './idempotency-seal';
import { withIdempotencyKeys } from './idempotency.openapi';

describe('Idempotency-Key', () => {
  it.each([
    ['a UUID', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['one character', 'a'],
    ['255 characters', 'k'.repeat(255)],
    ['printable ASCII with spaces and symbols', 'order 42 / retry #1 ~!'],
  ])('accepts %s', (_what, key) => expect(idempotencyKeyFrom(key)).toBe(key));

  it('leaves a request without the header alone', () => expect(idempotencyKeyFrom(undefined)).toBeUndefined());

  it.each([
    ['an empty key', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a non-ASCII key', '订单-1'],
    ['a control character', 'a\tb'],
    ['the header sent twice', ['a', 'b']],
  ])('refuses %s with 400 VALIDATION_FAILED', (_what, key) => {
    expect(() => idempotencyKeyFrom(key as string)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }));
  });

  it('writes canonical JSON: keys sorted at every depth, undefined members dropped, arrays kept in order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('csv,text')).toBe('"csv,text"');
  });

  describe('what the database keeps', () => {
    const scope = { caller: 'partner:k1', method: 'POST', path: '/api/v1/complaints', key: 'retry-1' };

    it('hashes the same body in any member order alike, another body differently, under a secret of the key and scope', () => {
      const { secret } = keyMaterialOf(scope);
      expect(requestHashOf({ a: 1, b: [1, 2] }, secret)).toBe(requestHashOf({ b: [1, 2], a: 1 }, secret));
      expect(requestHashOf({ a: 1, b: [2, 1] }, secret)).not.toBe(requestHashOf({ a: 1, b: [1, 2] }, secret));
      expect(keyMaterialOf({ ...scope, caller: 'partner:k2' }).secret.equals(secret)).toBe(false);
      expect(keyMaterialOf({ ...scope, key: 'retry-2' }).secret.equals(secret)).toBe(false);
    });

    it('keeps the SHA-256 of the key, never the key', () => {
      expect(keyMaterialOf(scope).keyHash).toMatch(/^[0-9a-f]{64}$/);
      expect(keyMaterialOf(scope).keyHash).not.toContain('retry');
    });

    it('seals the answer so that only the same key opens it, and an altered seal does not open', () => {
      const { secret } = keyMaterialOf(scope);
      const sealed = sealAnswer('{"readings":[{"systolic":150}]}', secret);
      expect(sealed).not.toContain('systolic');
      expect(openAnswer(sealed, secret)).toBe('{"readings":[{"systolic":150}]}');
      expect(() => openAnswer(sealed, keyMaterialOf({ ...scope, key: 'guess' }).secret)).toThrow();
      const altered = Buffer.from(sealed, 'base64');
      altered[altered.length - 1] ^= 1;
      expect(() => openAnswer(altered.toString('base64'), secret)).toThrow();
    });
  });

  describe('in the OpenAPI document', () => {
    const problem = { description: 'x', content: { 'application/problem+json': {} } };
    const doc = (): OpenAPIObject =>
      ({
        openapi: '3.0.0',
        info: { title: 't', version: '1' },
        paths: {
          '/api/v1/things': {
            post: { responses: { '201': { description: 'created' }, '409': { ...problem } }, security: [{ employee: [] }] },
            get: { responses: { '200': { description: 'ok' } } },
          },
          '/api/v1/auth/login': { post: { responses: { '200': { description: 'ok' } }, security: [] } },
          '/api/v1/own': { post: { responses: { '201': { description: 'ok' } }, 'x-no-idempotency-key': 'own keys', parameters: [{ name: 'Idempotency-Key', in: 'header', required: true }] } },
        },
      }) as unknown as OpenAPIObject;

    it('documents the header, the replayed header and the 409 and 422 problems on every authenticated POST, once', () => {
      const d = withIdempotencyKeys(withIdempotencyKeys(doc()));
      const post = d.paths['/api/v1/things'].post! as unknown as { parameters: unknown[]; responses: Record<string, { description: string; headers?: object }> };
      expect(post.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false })]);
      expect(Object.keys(post.responses).sort()).toEqual(['201', '409', '422']);
      expect(post.responses['409'].description).toContain('IDEMPOTENCY_KEY_IN_PROGRESS');
      expect(post.responses['422'].description).toContain('IDEMPOTENCY_KEY_REUSED');
      expect(post.responses['201'].headers).toHaveProperty('Idempotency-Replayed');
      expect(d.paths['/api/v1/things'].get!.parameters).toBeUndefined();
    });

    it('leaves public operations and routes with keys of their own as they are', () => {
      const d = withIdempotencyKeys(doc());
      expect(d.paths['/api/v1/auth/login'].post!.parameters).toBeUndefined();
      const own = d.paths['/api/v1/own'].post! as unknown as Record<string, unknown>;
      expect(own.parameters).toEqual([{ name: 'Idempotency-Key', in: 'header', required: true }]);
      expect(own['x-no-idempotency-key']).toBeUndefined();
      expect(Object.keys(own.responses as object)).toEqual(['201']);
    });
  });
});
