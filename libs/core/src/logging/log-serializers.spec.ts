import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { LOG_REDACT_PATHS, serializeRequest } from './log-serializers';

function capture(): { logger: pino.Logger; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = pino(
    { redact: LOG_REDACT_PATHS, serializers: { err: pino.stdSerializers.err, req: serializeRequest } },
    stream,
  );
  return { logger, text: () => out };
}

describe('log redaction', () => {
  it('keeps the SQL of a failed query but not its values', () => {
    const { logger, text } = capture();
    const driverError = Object.assign(new Error('Deadlock found'), {
      code: 'ER_LOCK_DEADLOCK',
      sql: "INSERT INTO questions (title) VALUES ('手机号13812345678')",
    });
    const err = new QueryFailedError(
      'INSERT INTO questions (title) VALUES (?)',
      ['手机号13812345678'],
      driverError,
    );
    logger.error({ err }, 'failed');
    expect(text()).toContain('INSERT INTO questions (title) VALUES (?)');
    expect(text()).not.toContain('13812345678');
  });

  it('drops the query string of URLs and keeps credentials out', () => {
    const { logger, text } = capture();
    logger.info({
      req: {
        id: 'r1',
        method: 'GET',
        url: '/graphql?variables=%7B%22q%22%3A%2213812345678%22%7D',
        headers: { authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' },
      },
    });
    const line = JSON.parse(text()) as { req: { url: string; headers: Record<string, string> } };
    expect(line.req.url).toBe('/graphql');
    expect(line.req.headers).toEqual({ authorization: '[Redacted]', cookie: '[Redacted]' });
  });
});
