import { z } from 'zod';

/*
 * LOG_LEVEL and LOG_FORMAT, apart from the logger so lib/env.ts can check them without loading
 * pino: next.config.js loads lib/env.ts through tsx's require, and a pino loaded that way in the
 * `next dev` process left the dev server's own pino with two copies of its symbols.
 */
export const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
export type LogLevel = z.infer<typeof LogLevelSchema>;
export const LogFormatSchema = z.enum(['json', 'pretty']);
export type LogFormat = z.infer<typeof LogFormatSchema>;
