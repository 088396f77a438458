import type { CSSProperties } from 'react';
import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { EVENT_TYPES } from '@/lib/events/constants';
import { feedUrl, webcalUrl } from '@/lib/events/links';
import { dateColumnRange } from '@/lib/i18n/date-range';
import { localized } from '@/lib/i18n/localized';
import { findCalendar, findCampaign } from '@/lib/events/queries';
import { CalendarFilterSchema } from '@/lib/events/schemas';
import { LOCALE_NAMES } from '@/lib/i18n/routing';
import { dateColumnValue, weekdayIndex } from '@/lib/time/kazakhstan';
import { readLocale, REGIONS } from '@/lib/validation';
import { EventCard } from './event-card';
import styles from './events.module.css';
import { LocaleOptions } from '@/app/_components/locale-options';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = readLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'events.calendar' });
  return { title: t('title') };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The campaign's 16 days: a list for phones and screen readers, a month-style grid on wide screens (CSS). */
export default async function EventsPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  setRequestLocale(locale);
  const query = await searchParams;
  const filter = CalendarFilterSchema.parse(
    Object.fromEntries(Object.entries(query).map(([key, value]) => [key, first(value) || undefined])),
  );
  const [t, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: 'events' }),
    getTranslations({ locale, namespace: 'common' }),
    getFormatter({ locale }),
  ]);
  const campaign = await findCampaign(first(query.campaign));
  if (!campaign) {
    return (
      <div className="page">
        <h1>{t('calendar.title')}</h1>
        <p>{t('calendar.noCampaign')}</p>
      </div>
    );
  }
  const { days, cities } = await findCalendar(campaign, filter);
  const cityOptions = cities
    .map((city) => ({ key: city.key, name: localized(city.name, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const total = days.reduce((sum, day) => sum + day.events.length, 0);
  const isFiltered = Object.values(filter).some(Boolean);
  // A campaign chosen by link (another year's) stays chosen through the filters.
  const chosenCampaign = first(query.campaign) ? campaign.slug : null;
  const unfiltered = chosenCampaign ? `/${locale}/events?campaign=${chosenCampaign}` : `/${locale}/events`;
  const range = dateColumnRange(format, locale, campaign.startsOn, campaign.endsOn);
  const allFeed = feedUrl({ lang: locale });
  const regionFeed = filter.region ? feedUrl({ region: filter.region, lang: locale }) : null;

  return (
    <div className="page">
      <h1>{localized(campaign.name, locale)}</h1>
      <p className="lead">{range}</p>
      <p>{t('calendar.intro')}</p>
      <p className="button-row">
        <a className="button" href={`/${locale}/events/submit`}>
          {t('calendar.submit')}
        </a>
      </p>

      <form method="get" className={styles.filters} aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('filters.title')}</h2>
        {chosenCampaign ? <input type="hidden" name="campaign" value={chosenCampaign} /> : null}
        <div className={styles.filterFields}>
          <div className="field">
            <label htmlFor="filter-region">{t('filters.region')}</label>
            <select id="filter-region" name="region" autoComplete="off" defaultValue={filter.region ?? ''}>
              <option value="">{t('filters.any')}</option>
              {REGIONS.map((region) => (
                <option key={region} value={region}>
                  {tCommon(`regions.${region}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-city">{t('filters.city')}</label>
            <select id="filter-city" name="city" defaultValue={filter.city ?? ''}>
              <option value="">{t('filters.any')}</option>
              {cityOptions.map((city) => (
                <option key={city.key} value={city.key}>
                  {city.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-type">{t('filters.type')}</label>
            <select id="filter-type" name="type" defaultValue={filter.type ?? ''}>
              <option value="">{t('filters.any')}</option>
              {EVENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-lang">{t('filters.language')}</label>
            <select id="filter-lang" name="lang" defaultValue={filter.lang ?? ''}>
              <option value="">{t('filters.any')}</option>
              <LocaleOptions name={(l) => LOCALE_NAMES[l]} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-mode">{t('filters.mode')}</label>
            <select id="filter-mode" name="mode" defaultValue={filter.mode ?? ''}>
              <option value="">{t('filters.any')}</option>
              <option value="in-person">{t('filters.inPerson')}</option>
              <option value="online">{t('filters.online')}</option>
            </select>
          </div>
        </div>
        <p className="button-row">
          <button type="submit">{t('filters.apply')}</button>
          {isFiltered ? <a href={unfiltered}>{t('filters.clear')}</a> : null}
        </p>
      </form>

      <p role="status">{t('calendar.count', { count: total })}</p>

      <ol className={styles.days} aria-label={t('calendar.daysLabel')}>
        {days.map((day, index) => (
          <li
            key={day.date}
            className={index === 0 ? `${styles.day} ${styles.firstDay}` : styles.day}
            style={index === 0 ? ({ '--weekday': weekdayIndex(day.date) + 1 } as CSSProperties) : undefined}
            aria-labelledby={`day-${day.date}`}
          >
            <h2 id={`day-${day.date}`}>
              <time dateTime={day.date}>{format.dateTime(dateColumnValue(day.date), 'dateColumnWithWeekday')}</time>
            </h2>
            {day.events.length === 0 ? (
              <p className={styles.dayEmpty}>{t('calendar.noEvents')}</p>
            ) : (
              <ul className={styles.events}>
                {day.events.map((event) => (
                  <EventCard key={event.id} event={event} locale={locale} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      <section className={styles.subscribe} aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{t('calendar.subscribeTitle')}</h2>
        <p>{t('calendar.subscribeIntro')}</p>
        <ul>
          <li>
            <a href={webcalUrl(allFeed)}>{t('calendar.subscribeAll')}</a> (<a href={allFeed}>.ics</a>)
          </li>
          {regionFeed && filter.region ? (
            <li>
              <a href={webcalUrl(regionFeed)}>{t('calendar.subscribeRegion', { region: tCommon(`regions.${filter.region}`) })}</a> (
              <a href={regionFeed}>.ics</a>)
            </li>
          ) : null}
        </ul>
        <p className="hint">{t('time.zone')}</p>
      </section>
      {campaign.isDemo ? <p className="hint">{t('calendar.demo')}</p> : null}
    </div>
  );
}
