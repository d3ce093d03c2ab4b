import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.filter';

function queryFailed(code: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error('driver error'), { code }));
}

describe('toProblem', () => {
  it('answers 503 when the database connection is gone or refused', () => {
    for (const error of [
      queryFailed('57P01'), // terminating connection due to administrator command
      queryFailed('08006'), // connection failure
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new QueryRunnerAlreadyReleasedError(), // the transaction's connection died under it
    ]) {
      expect(toProblem(error)).toMatchObject({ status: 503, title: 'Service Unavailable' });
    }
  });

  it('keeps input errors at 400 and unknown errors at 500 without internals', () => {
    expect(toProblem(queryFailed('22P05')).status).toBe(400);
    expect(toProblem(queryFailed('23503')).status).toBe(409);
    expect(toProblem(new Error('boom: secret detail'))).toEqual({
      type: expect.any(String),
      title: 'Internal Server Error',
      status: 500,
      detail: 'Unexpected error',
    });
  });
});
