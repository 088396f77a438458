import { isIP } from 'node:net';
import pino, { type DestinationStream, type Logger } from 'pino';
import { LogFormatSchema, LogLevelSchema, type LogFormat, type LogLevel } from '@/lib/log-settings';
import { redactAddresses } from '@/lib/mailer/redact';
import { isNonPublicAddress } from '@/lib/peer-address';

/*
 * The one logger of the server, the worker and the scripts (docs/operations.md, "Logs"): JSON lines
 * on stdout in production, one readable line per entry elsewhere, the level from LOG_LEVEL.
 * It reads process.env itself rather than lib/env: the launcher imports it before it has set up the
 * environment that lib/env reads once.
 *
 * Nothing personal reaches a line: values under the keys of REDACTED_KEYS are replaced at any depth,
 * and every string (the message, error messages and stacks, nested values) has its addresses
 * replaced by `<address>`, public IP addresses by `<ip>` and tokens in URLs by `<redacted>`.
 * Server code in a request logs through `requestLogger()` (lib/request-logger.ts), whose lines
 * carry the request id.
 */

export type { Logger };

/** Keys whose values never reach a line, wherever they are in the logged object. */
const REDACTED_KEYS = new Set(
  [
    'email',
    'emails',
    'name',
    'address',
    'addresses',
    'to',
    'cc',
    'bcc',
    'from',
    'recipient',
    'recipients',
    'ip',
    'clientAddress',
    'comment',
    'city',
    'phone',
    'token',
    'password',
    'secret',
    'cookie',
    'cookies',
    'authorization',
    'set-cookie',
    'headers',
    'body',
    'text',
    'html',
  ].map((key) => key.toLowerCase()),
);
const REDACTED = '<redacted>';
const MAX_DEPTH = 6;

/** IPv4, or an IPv6 candidate (hex groups with at least two colons). */
const IP_CANDIDATE = /\b\d{1,3}(?:\.\d{1,3}){3}\b|(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\d{1,3}(?:\.\d{1,3}){3})?/gi;
const TOKEN_IN_URL = /\b(token|code|secret|key|signature|csrfToken|email)=[^&\s"']+/gi;

/** A server's own addresses (loopback, private networks) help an operator; a client's is personal. */
function hidePublicAddress(candidate: string): string {
  const plain = candidate.replace(/^::ffff:/i, '');
  return isIP(plain) === 0 || isNonPublicAddress(plain) ? candidate : '<ip>';
}

/** The text with addresses, public IP addresses and tokens in URLs replaced. */
export function scrubLogText(text: string): string {
  return redactAddresses(text).replace(TOKEN_IN_URL, `$1=${REDACTED}`).replace(IP_CANDIDATE, hidePublicAddress);
}

function scrubValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  if (value instanceof Error) return scrubValue(pino.stdSerializers.err(value), depth, seen);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1, seen));
  const scrubbed: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    scrubbed[key] = REDACTED_KEYS.has(key.toLowerCase()) ? REDACTED : scrubValue(item, depth + 1, seen);
  }
  return scrubbed;
}

/** What is logged, made safe: errors serialized, redacted keys replaced, strings scrubbed. */
export function scrubLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return scrubValue(object, 0, new WeakSet()) as Record<string, unknown>;
}

const LEVEL_LABELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const ENTRY_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'component', 'err']);

/** One JSON line as a person reads it: `12:04:31.207 WARN  [mail] message  key=value`, then a stack. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = (typeof entry.level === 'string' ? entry.level.toUpperCase() : LEVEL_LABELS[Number(entry.level)]) ?? '';
  const component = entry.component ? `[${String(entry.component)}] ` : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !ENTRY_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = `${time} ${level.padEnd(5)} ${component}${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}`;
  const error = entry.err as { stack?: string; message?: string } | undefined;
  const detail = error ? `\n    ${(error.stack ?? error.message ?? JSON.stringify(error)).replace(/\n/g, '\n    ')}` : '';
  return `${head}${detail}\n`;
}

function levelFrom(value: string | undefined): LogLevel {
  const parsed = LogLevelSchema.safeParse(value);
  return parsed.success ? parsed.data : 'info';
}

function formatFrom(value: string | undefined, nodeEnv: string | undefined): LogFormat {
  const parsed = LogFormatSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return nodeEnv === 'production' ? 'json' : 'pretty';
}

const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };

export type LoggerOptions = {
  /** Default: LOG_LEVEL, or info. */
  level?: LogLevel;
  /** Default: LOG_FORMAT, or json in production and pretty elsewhere. */
  format?: LogFormat;
  /** Where the lines go. Default: stdout. */
  destination?: DestinationStream;
};

/** A logger with the redaction layer; the app uses `log`, tests make their own with a captured destination. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? formatFrom(process.env.LOG_FORMAT, process.env.NODE_ENV);
  const target = options.destination ?? stdout;
  const destination: DestinationStream = format === 'pretty' ? { write: (line: string) => target.write(formatLogLine(line)) } : target;
  return pino(
    {
      level: options.level ?? levelFrom(process.env.LOG_LEVEL),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are serialized (and scrubbed) by scrubLogObject, wherever they are in the object.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        log: scrubLogObject,
      },
      hooks: {
        // The message and an error given first are scrubbed too: pino takes them apart from the object.
        logMethod(args, method) {
          const [first, ...rest] = args as unknown[];
          const parts = first instanceof Error ? [{ err: first }, ...(typeof rest[0] === 'string' ? rest : [first.message])] : args;
          const scrubbed = (parts as unknown[]).map((part) => (typeof part === 'string' ? scrubLogText(part) : part));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

const baseFormat = formatFrom(process.env.LOG_FORMAT, process.env.NODE_ENV);
/** Set by `captureLogs`: where the base logger's lines go instead of stdout. */
let outlet: DestinationStream | undefined;
/** The base logger writes JSON here; it is formatted for stdout at the last moment, so a test captures JSON. */
const switchable: DestinationStream = {
  write: (line: string) => (outlet ?? stdout).write(outlet || baseFormat === 'json' ? line : formatLogLine(line)),
};

/** The base logger; components log through a child: `log.child({ component: 'mail' })`. */
export const log: Logger = createLogger({ format: 'json', destination: switchable });

/** Sends the base logger's JSON lines (all its children's too) to `destination` until the returned function is called. Tests only. */
export function captureLogs(destination: DestinationStream): () => void {
  outlet = destination;
  return () => {
    outlet = undefined;
  };
}
