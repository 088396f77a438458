import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, formatLogLine } from '@/lib/log';
import type { LogFormat } from '@/lib/log-settings';
import { REQUEST_ID_HEADER, requestIdFor } from '@/lib/request-id';
import { requestLogger } from '@/lib/request-logger';
import { captureLogLines } from '@/tests/support/captured-logs';

const EMAIL = 'aigerim.nurlanova@example.kz';
const NAME = 'Aigerim Nurlanova';
const PUBLIC_IP = '203.0.113.77';
const TOKEN = 'tok_9f8e7d6c5b4a39281706';
const PERSONAL = [EMAIL, 'aigerim.nurlanova', NAME, 'Nurlanova', PUBLIC_IP, TOKEN];

function capturedLogger(format: LogFormat, level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  const logger = createLogger({ level, format, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, text: () => lines.join('') };
}

/** What the app logs around a person: objects with their data, errors that quote it, URLs that carry tokens. */
function logAroundAPerson(logger: ReturnType<typeof createLogger>) {
  const requestLog = logger.child({ component: 'petitions', requestId: 'req-4242' });
  requestLog.info({ email: EMAIL, name: NAME, ip: PUBLIC_IP, token: TOKEN, petition: 'protect-survivors' }, 'signature stored');
  requestLog.info({ signer: { email: EMAIL, name: NAME, clientAddress: PUBLIC_IP }, cookie: `session=${TOKEN}` }, 'nested');
  requestLog.warn({ link: `https://dauys.test/en/petitions/p/confirm?token=${TOKEN}&email=${encodeURIComponent(EMAIL)}` }, 'link');
  requestLog.error(new Error(`550 5.1.1 <${EMAIL}>: user unknown, from ${PUBLIC_IP}`), 'delivery failed');
  requestLog.error(new Error(`rejected ${EMAIL}`));
  requestLog.error(
    { err: Object.assign(new Error('SMTP refused'), { response: `550 <${EMAIL}>`, rejected: [EMAIL], envelope: { to: [EMAIL] } }) },
    `mail to ${EMAIL} from ${PUBLIC_IP} failed`,
  );
  requestLog.debug({ supporters: [{ name: NAME, comment: `call ${NAME}` }] }, 'debug details');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the logger keeps personal data out of its lines', () => {
  it.each(['json', 'pretty'] as const)('%s: no address, name, public IP or token; the request id and the messages are there', (format) => {
    const { logger, text } = capturedLogger(format);
    logAroundAPerson(logger);
    const output = text();
    for (const value of PERSONAL) expect(output).not.toContain(value);
    for (const message of [
      'signature stored',
      'nested',
      'link',
      'delivery failed',
      'rejected <address>',
      'mail to <address> from <ip> failed',
    ]) {
      expect(output).toContain(message);
    }
    expect(output).toContain('debug details');
    expect(output).toContain('req-4242');
    expect(output).toContain('protect-survivors');
    expect(output).toContain('550 5.1.1 <address>: user unknown');
  });

  it('writes one JSON object per line with the level, time, message, component and request id; errors keep their stack', () => {
    const { logger, text } = capturedLogger('json');
    logAroundAPerson(logger);
    const entries = text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(7);
    expect(entries[0]).toMatchObject({
      level: 'info',
      msg: 'signature stored',
      component: 'petitions',
      requestId: 'req-4242',
      email: '<redacted>',
    });
    expect(typeof entries[0]!.time).toBe('string');
    expect(entries[3]).toMatchObject({ level: 'error', msg: 'delivery failed', err: { type: 'Error' } });
    expect(String((entries[3]!.err as { stack: string }).stack)).toMatch(/^Error: 550 5\.1\.1 <address>: user unknown, from <ip>\n\s+at /);
  });

  it('keeps the addresses of this server and its private network, which an operator needs', () => {
    const { logger, text } = capturedLogger('json');
    logger.error(new Error('connect ECONNREFUSED 127.0.0.1:5432'), 'database down');
    logger.warn('the last 50 requests came from 10.0.0.3 and ::1');
    expect(text()).toContain('127.0.0.1:5432');
    expect(text()).toContain('10.0.0.3 and ::1');
  });

  it('reads pretty lines as a person would: time, level, component, message, fields', () => {
    const line = JSON.stringify({
      level: 'warn',
      time: '2026-11-25T07:04:31.207Z',
      pid: 1,
      component: 'mail',
      msg: 'relay failed',
      reason: 'ECONNREFUSED',
    });
    expect(formatLogLine(line)).toBe('07:04:31.207 WARN  [mail] relay failed  reason=ECONNREFUSED\n');
  });
});

describe('LOG_LEVEL', () => {
  it('warn: info and debug lines are dropped, warnings and errors written', () => {
    vi.stubEnv('LOG_LEVEL', 'warn');
    const lines: string[] = [];
    const logger = createLogger({ format: 'json', destination: { write: (line: string) => void lines.push(line) } });
    logger.child({ component: 'worker' }).info('running');
    logger.debug('details');
    logger.warn('relay failed');
    logger.error('could not start');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['relay failed', 'could not start']);
  });

  it('silent: nothing; unset: info and above', () => {
    vi.stubEnv('LOG_LEVEL', 'silent');
    const silent: string[] = [];
    createLogger({ format: 'json', destination: { write: (line: string) => void silent.push(line) } }).error('boom');
    expect(silent).toEqual([]);

    vi.stubEnv('LOG_LEVEL', '');
    const lines: string[] = [];
    const logger = createLogger({ format: 'json', destination: { write: (line: string) => void lines.push(line) } });
    logger.debug('details');
    logger.info('running');
    expect(lines).toHaveLength(1);
  });
});

describe('the request id', () => {
  it('keeps a plain incoming id of up to 64 characters and replaces anything else', () => {
    expect(requestIdFor('f3a9c1d2e4b5a6978877665544332211')).toBe('f3a9c1d2e4b5a6978877665544332211');
    expect(requestIdFor('nginx-req_1.2')).toBe('nginx-req_1.2');
    for (const unsafe of [null, '', 'a'.repeat(65), 'id with spaces', 'id\nforged: line', `x@${EMAIL}`]) {
      const id = requestIdFor(unsafe);
      expect(id).not.toBe(unsafe);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(REQUEST_ID_HEADER).toBe('x-request-id');
  });

  it('outside a request, requestLogger() is the base logger with the component: its lines carry no request id', async () => {
    const captured = captureLogLines();
    try {
      (await requestLogger('auth')).warn('outside a request');
    } finally {
      captured.stop();
    }
    const [entry] = captured.entries();
    expect(entry).toMatchObject({ level: 'warn', component: 'auth', msg: 'outside a request' });
    expect(entry).not.toHaveProperty('requestId');
  });
});
