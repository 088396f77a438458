import { z } from 'zod';
import { EmailSchema, LocaleSchema } from '@/lib/validation';

export const SendTestMailSchema = z.object({ email: EmailSchema, locale: LocaleSchema });
export type SendTestMailInput = z.infer<typeof SendTestMailSchema>;
