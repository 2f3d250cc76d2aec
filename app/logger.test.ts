import { describe, expect, it } from 'vitest';
import { createLogger, memoryLogger, redact, withLogContext } from './logger.js';

const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkFsZXgifQ.c2lnbmF0dXJlLXBhcnQtaGVyZQ';
const OPAQUE = 'opaque-token-4f9a2b7c';

describe('createLogger', () => {
  it('writes one JSON object per line: time, level name, message and the fields', () => {
    const written: string[] = [];
    const log = createLogger('info', (line) => written.push(line));
    log.info('reminder sweep', { planned: 3 });
    expect(written).toHaveLength(1);
    expect(written[0]).not.toContain('\n');
    expect(JSON.parse(written[0] ?? '')).toMatchObject({ level: 'info', message: 'reminder sweep', planned: 3, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown });
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at LOG_LEVEL=%s writes %j', (level, expected) => {
    const written: string[] = [];
    const log = createLogger(level, (line) => written.push(line));
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(written.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(expected);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a bearer token in the message', 'calling Graph with Bearer abc.def-ghi', {}],
    ['a JWT in the message', `token was ${JWT}`, {}],
    ['a JWT in a field', 'failed', { error: `invalid token ${JWT}` }],
    ['a bearer header in a nested field', 'failed', { request: { headers: { authorization: `Bearer ${OPAQUE}` } } }],
    ['an opaque token under a secret name', 'failed', { token: OPAQUE }],
    ['a password three levels down', 'failed', { a: { b: { password: OPAQUE } } }],
    ['a client secret', 'failed', { clientSecret: OPAQUE }],
    ['an Authorization header with a capital', 'failed', { headers: { Authorization: OPAQUE } }],
  ])('never writes %s', (_name, message, fields) => {
    const written: string[] = [];
    const log = createLogger('debug', (line) => written.push(line));
    log.error(message, fields);
    log.child({ sweepId: 's1' }).warn(message, fields);
    const out = written.join('\n');
    expect(out).not.toContain(OPAQUE);
    expect(out).not.toContain(JWT);
    expect(out).not.toContain('abc.def-ghi');
    expect(out).toMatch(/\[redacted(-jwt)?\]/);
  });

  it('leaves ordinary fields alone', () => {
    const log = memoryLogger();
    log.info('tab request not authenticated', { path: '/api/plans', reason: 'expired', tokenLength: 812 });
    expect(log.lines[0]).toMatchObject({ path: '/api/plans', reason: 'expired', tokenLength: 812 });
  });
});

describe('correlation', () => {
  it('adds a child logger\'s bindings to every line, and its own fields over them', () => {
    const log = memoryLogger();
    const sweep = log.child({ sweepId: 's1', instanceId: 'a' });
    sweep.info('one');
    sweep.child({ reminderIds: ['r1'] }).info('two', { instanceId: 'b' });
    log.info('three');
    expect(log.lines).toEqual([
      expect.objectContaining({ message: 'one', sweepId: 's1', instanceId: 'a' }),
      expect.objectContaining({ message: 'two', sweepId: 's1', reminderIds: ['r1'], instanceId: 'b' }),
      expect.not.objectContaining({ sweepId: 's1' }),
    ]);
  });

  it('gives lines logged inside withLogContext its fields, across awaits, nested contexts adding to outer ones', async () => {
    const log = memoryLogger();
    await withLogContext({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.info('in the request');
      await withLogContext({ turnId: 'abc:1' }, async () => {
        await Promise.resolve();
        log.info('in the turn');
      });
    });
    log.info('after');
    expect(log.lines.map(({ requestId, turnId }) => ({ requestId, turnId }))).toEqual([
      { requestId: 'req-1', turnId: undefined },
      { requestId: 'req-1', turnId: 'abc:1' },
      { requestId: undefined, turnId: undefined },
    ]);
  });

  it('keeps two interleaved requests apart', async () => {
    const log = memoryLogger();
    const request = (id: string, delay: number) =>
      withLogContext({ requestId: id }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delay));
        log.info(id);
      });
    await Promise.all([request('slow', 15), request('fast', 1)]);
    expect(log.lines.map((line) => [line.message, line.requestId])).toEqual([['fast', 'fast'], ['slow', 'slow']]);
  });

  it('takes trace ids from the telemetry port on every line', () => {
    const log = memoryLogger({ correlate: () => ({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' }) });
    log.warn('slow Graph call');
    expect(log.lines[0]).toMatchObject({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7' });
  });
});

describe('redact', () => {
  it.each([
    ['Authorization: Bearer abc123==', 'Authorization: Bearer [redacted]'],
    [`id_token=${JWT}`, 'id_token=[redacted-jwt]'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s → %s', (line, expected) => {
    expect(redact(line)).toBe(expected);
  });
});
