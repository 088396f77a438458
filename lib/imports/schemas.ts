import { z } from 'zod';
import { DateKeySchema } from '@/lib/time/schemas';
import { LineTextSchema } from '@/lib/validation';

/** The fields a file's columns can be mapped to, in the order the mapping form lists them. */
export const IMPORT_FIELDS = ['email', 'name', 'region', 'city', 'language', 'tags', 'consentDate'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const CONSENT_BASES = ['COLUMN', 'ONE_DATE', 'NONE'] as const;

/**
 * The largest file an import takes (next.config.js lets server actions receive it): about 150,000
 * rows. Measured to fit the web and worker processes' heap limits (docs/operations.md, "Memory"); a
 * 40 MB file ran the web process out of its 256 MB.
 */
export const MAX_IMPORT_BYTES = 24 * 1024 * 1024;

const ColumnSchema = z.string().trim().max(200, 'tooLong').optional().default('');

/**
 * What the mapping form sends and the run uses: for each field the header of its column ('' for none),
 * where the people come from, and what is known about their consent. Offline signatures need a
 * source and ignore consent (signing is not consent to campaign mail).
 */
export const ImportSettingsSchema = z
  .object({
    target: z.enum(['SUPPORTERS', 'SIGNATURES']),
    columns: z.object(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ColumnSchema])) as Record<ImportField, typeof ColumnSchema>),
    sourceLabel: LineTextSchema.min(3, 'sourceRequired').max(200, 'tooLong'),
    consentBasis: z.enum(CONSENT_BASES, { message: 'invalidChoice' }).optional().default('NONE'),
    consentDate: z.string().trim().optional().default(''),
  })
  .superRefine((settings, context) => {
    if (settings.target === 'SUPPORTERS' && !settings.columns.email) {
      context.addIssue({ code: 'custom', path: ['columns', 'email'], message: 'emailColumnRequired' });
    }
    if (settings.target === 'SIGNATURES' && !settings.columns.email && !settings.columns.name) {
      context.addIssue({ code: 'custom', path: ['columns', 'name'], message: 'nameColumnRequired' });
    }
    if (settings.target !== 'SUPPORTERS') return;
    if (settings.consentBasis === 'COLUMN' && !settings.columns.consentDate) {
      context.addIssue({ code: 'custom', path: ['columns', 'consentDate'], message: 'consentColumnRequired' });
    }
    if (settings.consentBasis === 'ONE_DATE' && !DateKeySchema.safeParse(settings.consentDate).success) {
      context.addIssue({ code: 'custom', path: ['consentDate'], message: 'dateInvalid' });
    }
  });
export type ImportSettings = z.output<typeof ImportSettingsSchema>;
export type ImportSettingsInput = z.input<typeof ImportSettingsSchema>;

/** An upload: which list it goes to (supporters, or one petition's signatures). */
export const ImportUploadSchema = z.object({
  target: z.enum(['SUPPORTERS', 'SIGNATURES']),
  petitionId: z.string().trim().max(40).optional(),
});

export const ImportIdSchema = z.object({ importId: z.string().trim().min(1).max(40) });
