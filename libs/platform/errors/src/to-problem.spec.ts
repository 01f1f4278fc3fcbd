import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { AppError, CommonErrors, defineErrors } from './app-error';
import { toAppError, toProblem } from './to-problem';

describe('error mapping', () => {
  const E = defineErrors({ CUSTOMER_NOT_FOUND: { status: 404, title: 'Customer not found' } });

  it('keeps a context error as declared', () => {
    const error = toAppError(E.CUSTOMER_NOT_FOUND('no customer 42', { customerId: '42' }));
    expect(toProblem(error, '/api/v1/customers/42', 'r1')).toEqual({
      type: 'urn:crm:problem:customer-not-found',
      title: 'Customer not found',
      status: 404,
      detail: 'no customer 42',
      code: 'CUSTOMER_NOT_FOUND',
      instance: '/api/v1/customers/42',
      requestId: 'r1',
      customerId: '42',
    });
  });

  it.each([
    [new BadRequestException('x'), 400, 'BAD_REQUEST'],
    [new BadRequestException("Body is not valid JSON but content-type is set to 'application/json'"), 400, 'MALFORMED_JSON'],
    [new ForbiddenException(), 403, 'FORBIDDEN'],
    [new NotFoundException(), 404, 'NOT_FOUND'],
    [Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 }), 400, 'MALFORMED_JSON'],
    [{ code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400, message: 'x' }, 400, 'MALFORMED_JSON'],
    [{ code: 'FST_ERR_CTP_EMPTY_JSON_BODY', statusCode: 400 }, 400, 'MALFORMED_JSON'],
    [{ code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [{ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }, 413, 'PAYLOAD_TOO_LARGE'],
    [{ code: '23505' }, 409, 'CONFLICT'],
    [new Error('timeout exceeded when trying to connect'), 503, 'SERVICE_UNAVAILABLE'],
    [new Error('boom'), 500, 'INTERNAL'],
    [undefined, 500, 'INTERNAL'],
  ])('maps %p to %i %s', (thrown, status, code) => {
    const e = toAppError(thrown);
    expect(e).toBeInstanceOf(AppError);
    expect([e.status, e.code]).toEqual([status, code]);
  });

  it('never leaks an unexpected error message', () => {
    expect(toAppError(new Error('password=hunter2')).detail).not.toContain('hunter2');
  });

  it('lists the codes a context declares', () => {
    expect(E.codes).toEqual(['CUSTOMER_NOT_FOUND']);
    expect(CommonErrors.codes).toContain('VALIDATION_FAILED');
  });
});
