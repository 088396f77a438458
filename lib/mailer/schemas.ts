import { z } from 'zod';
import { OptionalCheckboxSchema } from '@/lib/validation';

/** The console's discreet mail setting: the box ticked or not. */
export const DiscreetMailSchema = z.object({ discreet: OptionalCheckboxSchema });
export type DiscreetMailFormInput = z.input<typeof DiscreetMailSchema>;
export type DiscreetMailInput = z.output<typeof DiscreetMailSchema>;
