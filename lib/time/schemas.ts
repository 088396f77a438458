import { z } from 'zod';
import { dateColumnValue, isDateKey, parseKazakhstanDateTime, startOfKazakhstanDay } from '@/lib/time/kazakhstan';

/** A date field (<input type="date">), kept as the key YYYY-MM-DD. */
export const DateKeySchema = z.string({ message: 'required' }).trim().min(1, 'required').refine(isDateKey, 'dateInvalid');

/** A date field as the value of a @db.Date column (UTC midnight of that date). */
export const DateColumnSchema = DateKeySchema.transform(dateColumnValue);

/** A datetime-local field, Kazakhstan time, as the UTC instant. */
export const KazakhstanDateTimeSchema = z
  .string({ message: 'required' })
  .trim()
  .min(1, 'required')
  .refine((value) => parseKazakhstanDateTime(value) !== null, 'dateInvalid')
  .transform((value) => parseKazakhstanDateTime(value) as Date);

function parseDayOrDateTime(value: string): Date | null {
  return isDateKey(value) ? startOfKazakhstanDay(value) : parseKazakhstanDateTime(value);
}

/** An optional date field (the start of that Kazakhstan day) or datetime-local field (Kazakhstan time); empty → null. */
export const OptionalKazakhstanDayOrDateTimeSchema = z
  .string()
  .trim()
  .optional()
  .refine((value) => !value || parseDayOrDateTime(value) !== null, 'dateInvalid')
  .transform((value) => (value ? parseDayOrDateTime(value) : null));
