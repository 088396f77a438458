import type { AppLocale } from '@/lib/i18n/routing';
import { LOCALES } from '@/lib/validation';

/**
 * A select's options, one per language the site speaks, named by `name`. Names that are each in
 * their own language (`LOCALE_NAMES`) say so with `ownNames`, which marks each option's `lang`.
 */
export function LocaleOptions({ name, ownNames = false }: { name: (locale: AppLocale) => string; ownNames?: boolean }) {
  return LOCALES.map((locale) => (
    <option key={locale} value={locale} lang={ownNames ? locale : undefined}>
      {name(locale)}
    </option>
  ));
}
