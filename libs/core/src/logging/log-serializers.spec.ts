import pino from 'pino';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { LOG_REDACT_PATHS, serializeRequest, serializeResponse } from './log-serializers';

function capture(): { logger: pino.Logger; text: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  const logger = pino(
    {
      redact: LOG_REDACT_PATHS,
      serializers: { err: pino.stdSerializers.err, req: serializeRequest, res: serializeResponse },
    },
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
        headers: {
          authorization: 'Bearer secret-token',
          cookie: 'session=secret-cookie',
          'x-forwarded-for': '203.0.113.9',
          'user-agent': 'curl/8',
        },
      },
    });
    const line = JSON.parse(text()) as { req: { url: string; headers: Record<string, string> } };
    expect(line.req.url).toBe('/graphql');
    // Only allow-listed headers: no credential, cookie or forwarding chain, not even redacted.
    expect(line.req.headers).toEqual({ 'user-agent': 'curl/8' });
    expect(text()).not.toContain('secret-');
    expect(text()).not.toContain('203.0.113.9');
  });

  it('keeps only the status code of responses', () => {
    const { logger, text } = capture();
    logger.info({ res: { statusCode: 200, headers: { 'set-cookie': 'session=secret-cookie' } } });
    expect(JSON.parse(text())).toMatchObject({ res: { statusCode: 200 } });
    expect(text()).not.toContain('secret-cookie');
  });
});
