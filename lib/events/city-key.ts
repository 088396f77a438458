import { localized } from '@/lib/i18n/localized';

/**
 * The calendar's name for a city, the same in every language: the city's en form (else ru, else kk),
 * trimmed, in lower case. A city filter in a URL (`?city=Almaty`, from before cities had a form per
 * language) is read the same way, so old links keep working.
 */
export function cityKey(city: unknown): string {
  return normalCityKey(localized(city, 'en'));
}

export function normalCityKey(text: string): string {
  return text.trim().toLocaleLowerCase('en');
}
