import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { Prisma } from '@/lib/generated/prisma/client';
import { cityKey } from '@/lib/events/city-key';
import type { EventType, Locale, Region } from '@/lib/generated/prisma/enums';
import { EVENT_PRIVACY_NOTICE_VERSION } from '@/lib/events/constants';
import { keyring, sealPerson } from '@/lib/security/personal-data';
import { currentOrNextSixteenDays, sixteenDaysName, sixteenDaysSlug, type SixteenDays } from '@/lib/events/sixteen-days';
import { dateColumnValue, dateRange, parseKazakhstanDateTime } from '@/lib/time/kazakhstan';

const DEMO_DOMAIN = 'demo.dauys.localhost';
const text = (kk: string, ru: string, en: string) => ({ kk, ru, en });
const DEMO_NOTE = text('Демо іс-шара.', 'Демонстрационное событие.', 'Demo event.');

/** Each region's main city, as Kazakh, Russian and English write it. */
const CITY: Record<Region, ReturnType<typeof text>> = {
  ABAI: text('Семей', 'Семей', 'Semey'),
  AKMOLA: text('Көкшетау', 'Кокшетау', 'Kokshetau'),
  AKTOBE: text('Ақтөбе', 'Актобе', 'Aktobe'),
  ALMATY_REGION: text('Қонаев', 'Конаев', 'Konaev'),
  ATYRAU: text('Атырау', 'Атырау', 'Atyrau'),
  EAST_KAZAKHSTAN: text('Өскемен', 'Усть-Каменогорск', 'Oskemen'),
  JAMBYL: text('Тараз', 'Тараз', 'Taraz'),
  JETISU: text('Талдықорған', 'Талдыкорган', 'Taldykorgan'),
  KARAGANDA: text('Қарағанды', 'Караганда', 'Karaganda'),
  KOSTANAY: text('Қостанай', 'Костанай', 'Kostanay'),
  KYZYLORDA: text('Қызылорда', 'Кызылорда', 'Kyzylorda'),
  MANGYSTAU: text('Ақтау', 'Актау', 'Aktau'),
  NORTH_KAZAKHSTAN: text('Петропавл', 'Петропавловск', 'Petropavl'),
  PAVLODAR: text('Павлодар', 'Павлодар', 'Pavlodar'),
  TURKISTAN: text('Түркістан', 'Туркестан', 'Turkistan'),
  ULYTAU: text('Жезқазған', 'Жезказган', 'Zhezkazgan'),
  WEST_KAZAKHSTAN: text('Орал', 'Уральск', 'Oral'),
  ASTANA: text('Астана', 'Астана', 'Astana'),
  ALMATY: text('Алматы', 'Алматы', 'Almaty'),
  SHYMKENT: text('Шымкент', 'Шымкент', 'Shymkent'),
};
const ORGANISER = text('Dauys демо ұйымдастырушылары', 'Демо-организаторы Dauys', 'Dauys demo organisers');
/** The generated events' venue; the city follows it in the "Where" line. */
const youthCentre = (city: ReturnType<typeof text>) => text(`${city.kk} жастар орталығы`, 'Молодёжный центр', `${city.en} Youth Centre`);
const REGION_ORDER = Object.keys(CITY) as Region[];

const minutesBefore = (instant: Date, minutes: number) => new Date(instant.getTime() - minutes * 60_000);
const daysBefore = (instant: Date, days: number) => minutesBefore(instant, days * 24 * 60);

type Template = { type: EventType; title: ReturnType<typeof text>; description: ReturnType<typeof text>; online?: boolean };
const TEMPLATES: Template[] = [
  {
    type: 'LECTURE',
    title: text(
      'Дәріс: бақылау арқылы зорлық-зомбылықты тану',
      'Лекция: как распознать принудительный контроль',
      'Lecture: recognising coercive control',
    ),
    description: text(
      'Психологтың дәрісі және сұрақ-жауап.',
      'Лекция психолога и ответы на вопросы.',
      'A psychologist’s talk with questions and answers.',
    ),
  },
  {
    type: 'WORKSHOP',
    title: text('Шеберлік сабағы: қауіпсіздік жоспары', 'Мастер-класс: план безопасности', 'Workshop: making a safety plan'),
    description: text(
      'Қауіпсіздік жоспарын құру бойынша практикалық сабақ.',
      'Практическое занятие по составлению плана безопасности.',
      'A practical session on making a personal safety plan.',
    ),
  },
  {
    type: 'MARCH',
    title: text('Қызғылт сары шеру', 'Оранжевый марш', 'Orange march'),
    description: text('Зорлық-зомбылыққа қарсы бейбіт шеру.', 'Мирный марш против насилия.', 'A peaceful march against violence.'),
  },
  {
    type: 'ONLINE',
    title: text(
      'Онлайн талқылау: 115-1 бап және ізіне түсу',
      'Онлайн-дискуссия: статья 115-1 и преследование',
      'Online panel: Article 115-1 and stalking',
    ),
    description: text(
      'Заңгерлер сталкинг туралы жаңа бапты талқылайды.',
      'Юристы обсуждают новую статью о преследовании.',
      'Lawyers discuss the new stalking article of the Criminal Code.',
    ),
    online: true,
  },
  {
    type: 'LECTURE',
    title: text('Панель: Отбасын қолдау орталықтары', 'Панель: центры поддержки семьи', 'Panel: Family Support Centres'),
    description: text(
      '2024 жылғы заң құрған орталықтар қалай жұмыс істейді.',
      'Как работают центры, созданные законом 2024 года.',
      'How the centres set up by the 2024 law work.',
    ),
  },
  {
    type: 'OTHER',
    title: text('Еріктілер кездесуі', 'Встреча волонтёров', 'Volunteers’ meet-up'),
    description: text(
      'Науқанға көмектескісі келетіндерге арналған кездесу.',
      'Встреча для тех, кто хочет помочь кампании.',
      'A meet-up for everyone who wants to help the campaign.',
    ),
  },
  {
    type: 'ONLINE',
    title: text('Вебинар: 111 желісі қалай көмектеседі', 'Вебинар: как помогает линия 111', 'Webinar: how the 111 line helps'),
    description: text(
      'Байланыс орталығының мамандарымен кездесу.',
      'Встреча со специалистами контакт-центра.',
      'Meet the staff of the 111 contact centre.',
    ),
    online: true,
  },
];

/** `start` is a Kazakhstan date and time (YYYY-MM-DDTHH:mm); flagships give it without the year. */
type Seed = {
  slug: string;
  title: ReturnType<typeof text>;
  description: ReturnType<typeof text>;
  type: EventType;
  region: Region;
  venue: ReturnType<typeof text> | null;
  start: string;
  hours: number;
  capacity: number | null;
  online?: boolean;
  fill?: 'near' | 'waitlist';
  languages?: Locale[];
};

const FLAGSHIPS: Seed[] = [
  {
    slug: 'almaty-rally-25-november',
    title: text('25 қараша: Алматыдағы митинг', '25 ноября: митинг в Алматы', '25 November rally in Almaty'),
    description: text(
      'Әйелдерге қатысты зорлық-зомбылықты жою күніне арналған митинг.',
      'Митинг в Международный день борьбы за ликвидацию насилия в отношении женщин.',
      'A rally on the International Day for the Elimination of Violence against Women.',
    ),
    type: 'RALLY',
    region: 'ALMATY',
    venue: text('Орталық саябақ, Гоголь көшесі, 1', 'Центральный парк, ул. Гоголя, 1', 'Central Park, Gogol St 1'),
    start: '11-25T15:00',
    hours: 2,
    capacity: 60,
    fill: 'near',
  },
  {
    slug: 'astana-orange-illumination',
    title: text(
      'Астананың көрнекі орындарын қызғылт сарымен жарықтандыру',
      'Оранжевая подсветка достопримечательностей Астаны',
      'Orange illumination of Astana’s landmarks',
    ),
    description: text(
      'Бәйтерек пен басқа ғимараттар қызғылт сары түске боялады.',
      'Байтерек и другие здания подсвечиваются оранжевым.',
      'Baiterek and other landmarks are lit in orange.',
    ),
    type: 'ILLUMINATION',
    region: 'ASTANA',
    venue: text('Бәйтерек, Нұржол бульвары', 'Байтерек, бульвар Нуржол', 'Baiterek, Nurzhol Boulevard'),
    start: '11-25T18:00',
    hours: 4,
    capacity: null,
  },
  {
    slug: 'untold-art-installation',
    title: text('«Айтылмаған» арт-инсталляциясы', 'Арт-инсталляция «Невысказанное»', 'The “Untold” art installation'),
    description: text(
      'Тірі қалғандардың айтылмаған әңгімелері туралы инсталляция.',
      'Инсталляция о невысказанных историях выживших.',
      'An installation about the untold stories of survivors.',
    ),
    type: 'ART_INSTALLATION',
    region: 'ALMATY',
    venue: text('Алматы орталық көрме залы', 'Центральный выставочный зал Алматы', 'Almaty Central Exhibition Hall'),
    start: '11-27T11:00',
    hours: 6,
    capacity: 40,
    fill: 'waitlist',
  },
  {
    slug: 'online-lecture-istanbul-convention',
    title: text('Онлайн дәріс: Стамбул конвенциясы', 'Онлайн-лекция: Стамбульская конвенция', 'Online lecture: the Istanbul Convention'),
    description: text(
      'Қазақстанның конвенцияға қосылуы не береді.',
      'Что даст присоединение Казахстана к конвенции.',
      'What accession to the Convention would mean for Kazakhstan.',
    ),
    type: 'ONLINE',
    region: 'ASTANA',
    venue: null,
    start: '12-10T19:00',
    hours: 2,
    capacity: 300,
    online: true,
    languages: ['kk', 'ru', 'en'],
  },
];

function flagships(campaign: SixteenDays): Seed[] {
  return FLAGSHIPS.map((seed) => ({ ...seed, slug: `${seed.slug}-${campaign.year}`, start: `${campaign.year}-${seed.start}` }));
}

function generated(campaign: SixteenDays): Seed[] {
  const days = dateRange(campaign.startsOn, campaign.endsOn);
  const seeds: Seed[] = [];
  days.forEach((day, d) => {
    for (let k = 0; k < 7; k += 1) {
      const template = TEMPLATES[(d + k) % TEMPLATES.length]!;
      const region = REGION_ORDER[(d * 7 + k) % REGION_ORDER.length]!;
      const hour = 10 + ((k * 3 + d) % 10);
      const capacity = (d + k) % 4 === 0 ? null : 20 + ((d + k) % 5) * 10;
      seeds.push({
        slug: `demo-${day}-${k + 1}`,
        title: {
          kk: `${template.title.kk} — ${CITY[region].kk}`,
          ru: `${template.title.ru} — ${CITY[region].ru}`,
          en: `${template.title.en} — ${CITY[region].en}`,
        },
        description: template.description,
        type: template.type,
        region,
        venue: template.online ? null : youthCentre(CITY[region]),
        start: `${day}T${String(hour).padStart(2, '0')}:00`,
        hours: 2,
        capacity,
        online: template.online,
        fill: capacity === null ? undefined : (d + k) % 6 === 1 ? 'near' : (d + k) % 9 === 2 ? 'waitlist' : undefined,
        languages: k % 3 === 0 ? ['kk'] : k % 3 === 1 ? ['ru', 'kk'] : ['ru'],
      });
    }
  });
  return seeds;
}

/**
 * The demo 16 Days campaign running on `now`, or else the next one (25 November – 10 December), with
 * 116 events over its 16 days and every region, some near capacity and some with a waitlist (demo
 * RSVPs at demo.dauys.localhost). Seeding on a later date adds the campaign of that date; earlier
 * campaigns stay as they are, like any past campaign.
 */
export async function seedEvents(now = new Date()): Promise<void> {
  const [table] = await db.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass('"Event"') IS NOT NULL AS exists`;
  if (!table?.exists) {
    log.warn({ component: 'seed' }, 'the Event table is missing (no migration yet): demo events skipped');
    return;
  }
  const days = currentOrNextSixteenDays(now);
  const slug = sixteenDaysSlug(days.year);
  if (await db.eventCampaign.findUnique({ where: { slug }, select: { id: true } })) return;
  const campaign = await db.eventCampaign.create({
    data: {
      slug,
      name: sixteenDaysName(days.year),
      startsOn: dateColumnValue(days.startsOn),
      endsOn: dateColumnValue(days.endsOn),
      isDemo: true,
    },
  });
  const keys = await keyring();
  let person = 0;
  for (const seed of [...flagships(days), ...generated(days)]) {
    const startsAt = parseKazakhstanDateTime(seed.start)!;
    const event = await db.event.create({
      data: {
        campaignId: campaign.id,
        slug: seed.slug,
        title: seed.title,
        description: {
          kk: `${seed.description.kk} ${DEMO_NOTE.kk}`,
          ru: `${seed.description.ru} ${DEMO_NOTE.ru}`,
          en: `${seed.description.en} ${DEMO_NOTE.en}`,
        },
        type: seed.type,
        startsAt,
        endsAt: new Date(startsAt.getTime() + seed.hours * 3600_000),
        region: seed.region,
        city: CITY[seed.region],
        cityKey: cityKey(CITY[seed.region]),
        venue: seed.venue ?? Prisma.DbNull,
        isOnline: !!seed.online,
        onlineUrl: seed.online ? `https://meet.example.org/${seed.slug}` : null,
        isOnlineLinkPrivate: !!seed.online,
        languages: seed.languages ?? ['kk', 'ru'],
        accessibilityNotes: seed.online ? undefined : text('Баспалдақсыз кіру.', 'Вход без ступенек.', 'Step-free entrance.'),
        capacity: seed.capacity,
        organiserName: ORGANISER,
        status: 'PUBLISHED',
        publishedAt: daysBefore(now, 30),
        isDemo: true,
      },
    });
    if (!seed.fill || seed.capacity === null) continue;
    const confirmed = seed.fill === 'near' ? seed.capacity - 2 : seed.capacity;
    const waitlisted = seed.fill === 'waitlist' ? 4 : 0;
    const answeredBy = startsAt < now ? startsAt : now;
    const rows = [];
    for (let index = 0; index < confirmed + waitlisted; index += 1) {
      person += 1;
      const email = `attendee${person}@${DEMO_DOMAIN}`;
      rows.push({
        ...sealPerson(keys, { email, name: `Demo attendee ${email.split('@')[0]}` }),
        isWaitlisted: index >= confirmed,
        index,
      });
    }
    await db.supporter.createMany({
      data: rows.map((row) => ({
        emailIndex: row.emailIndex,
        emailSealed: row.emailSealed,
        nameSealed: row.nameSealed,
        locale: 'ru' as const,
      })),
      skipDuplicates: true,
    });
    const supporters = await db.supporter.findMany({
      where: { emailIndex: { in: rows.map((row) => row.emailIndex) } },
      select: { id: true, emailIndex: true },
    });
    const idOf = new Map(supporters.map((s) => [s.emailIndex, s.id]));
    await db.rsvp.createMany({
      data: rows.map((row) => ({
        eventId: event.id,
        supporterId: idOf.get(row.emailIndex)!,
        emailIndex: row.emailIndex,
        emailSealed: row.emailSealed,
        nameSealed: row.nameSealed,
        locale: 'ru' as const,
        status: row.isWaitlisted ? ('WAITLISTED' as const) : ('CONFIRMED' as const),
        consentVersion: EVENT_PRIVACY_NOTICE_VERSION,
        confirmedAt: row.isWaitlisted ? null : minutesBefore(answeredBy, 60 * 24 * (20 - (row.index % 20)) - row.index),
        waitlistedAt: row.isWaitlisted ? minutesBefore(answeredBy, 60 * 24 - row.index) : null,
        createdAt: minutesBefore(answeredBy, 60 * 24 * (20 - (row.index % 20)) - row.index),
      })),
    });
    await db.event.update({ where: { id: event.id }, data: { seatsTaken: confirmed } });
  }
}
