import type { formats } from '@/lib/i18n/formats';
import type { Messages } from '@/lib/i18n/messages';
import type { AppLocale } from '@/lib/i18n/routing';

// Typed keys: `t('nav.help')` is checked against the English catalogue, so a missing key is a type error.
declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
