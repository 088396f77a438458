import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { keyring } from '@/lib/security/personal-data';
import { PRIVACY_NOTICE_VERSION } from '@/lib/petitions/constants';
import { REGIONS } from '@/lib/validation';

const DEMO_DOMAIN = 'demo.dauys.localhost';
const HISTORIC_SIGNATURES = 30_000;
const OPEN_CONFIRMED = 2_000;
const OPEN_PENDING = 300;

const FIRST_NAMES = [
  'Aigerim',
  'Dana',
  'Aruzhan',
  'Madina',
  'Zhanar',
  'Saule',
  'Gulnara',
  'Asel',
  'Dinara',
  'Kamila',
  'Aliya',
  'Olga',
  'Yelena',
  'Nurlan',
  'Arman',
  'Yerlan',
  'Daniyar',
  'Timur',
  'Bota',
  'Ainur',
];
const LAST_NAMES = [
  'Karimova',
  'Sultanova',
  'Nurlanova',
  'Akhmetova',
  'Zhakupova',
  'Ivanova',
  'Serikbayeva',
  'Omarova',
  'Tulegenova',
  'Abenova',
  'Kim',
  'Petrova',
  'Bekov',
  'Seitkali',
  'Utepov',
];
// Weighted towards the big cities, as online petitions are.
const REGION_WEIGHTS = [
  ...REGIONS,
  'ALMATY',
  'ALMATY',
  'ALMATY',
  'ALMATY',
  'ASTANA',
  'ASTANA',
  'ASTANA',
  'SHYMKENT',
  'SHYMKENT',
  'KARAGANDA',
];

const text = (kk: string, ru: string, en: string) => ({ kk, ru, en });

/** How far back the open demo petition's confirmed signatures reach from the seed date. */
const OPEN_SIGNATURES_SPAN_DAYS = 30;
const OPEN_PETITION_SLUG = 'sexual-harassment-liability';
const DEMO_SUPPORTER_BATCH = 5_000;

/**
 * Demo petitions (marked isDemo) with deterministic demo signatures inserted in bulk by SQL:
 * the 2021 petition to criminalise domestic violence, answered by the 2024 law (real dates), and an
 * open one whose signatures are recent: they end at `now`, and a later seed moves them forward.
 */
export async function seedPetitions(now = new Date()): Promise<void> {
  // Until prisma/migrations has the petitions tables, `npm start` (migrations only) has none: skip.
  const [table] = await db.$queryRaw<Array<{ exists: boolean }>>`SELECT to_regclass('"Petition"') IS NOT NULL AS exists`;
  if (!table?.exists) {
    log.warn({ component: 'seed' }, 'the Petition table is missing (no migration yet): demo petitions skipped');
    return;
  }
  if (await db.petition.findUnique({ where: { slug: 'criminalise-domestic-violence' }, select: { id: true } })) {
    await keepOpenPetitionRecent(now);
    return;
  }

  await insertDemoSupporters();

  const historic = await db.petition.create({
    data: {
      slug: 'criminalise-domestic-violence',
      isDemo: true,
      title: text('Тұрмыстық зорлық-зомбылықты қылмыс деп тану', 'Криминализировать домашнее насилие', 'Criminalise domestic violence'),
      summary: text(
        '2017 жылы ұрып-соғу және денсаулыққа жеңіл зиян келтіру Әкімшілік кодекске ауыстырылды. Біз оларды қайтадан қылмыс деп тануды талап етеміз.',
        'В 2017 году побои и лёгкий вред здоровью перевели в Административный кодекс. Мы требуем вернуть уголовную ответственность.',
        'In 2017 battery and minor harm to health were moved to the Administrative Code. We ask for them to be crimes again.',
      ),
      body: text(
        'Алты жылда тұрмыстық зорлық-зомбылықтан **1 238 адам** қаза тапты (М. Хасенов). Жыл сайын шамамен 400 әйел қайтыс болады, ал істердің тек 40%-ы сотқа жетеді (С. Пономарев).\n\nБіз мыналарды сұраймыз:\n\n- ұрып-соғу мен денсаулыққа жеңіл зиян келтіруді Қылмыстық кодекске қайтару;\n- қайталанған құқық бұзушылықта татуласуды алып тастау;\n- жәбірленушінің арызынсыз іс қозғауға мүмкіндік беру.\n\n_Демо мазмұн._',
        'За шесть лет от домашнего насилия погибли **1 238 человек** (М. Хасенов). Ежегодно погибают около 400 женщин, и лишь 40% дел доходят до суда (С. Пономарев). Из примерно 6 030 ежегодных дел о побоях и лёгком вреде две трети прекращаются.\n\nМы просим:\n\n- вернуть побои и лёгкий вред здоровью в Уголовный кодекс;\n- запретить примирение при повторных нарушениях;\n- разрешить возбуждать дела без заявления пострадавшей.\n\n_Демонстрационный контент._',
        "Over six years, **1,238 lives** were lost to domestic violence (M. Khassenov). About 400 women die each year and only 40% of cases reach court (S. Ponomarev). Of some 6,030 yearly cases of minor harm and beatings, two thirds are terminated.\n\nWe ask Parliament to:\n\n- move battery and minor harm back into the Criminal Code;\n- end reconciliation for repeat offences;\n- allow prosecution without the victim's complaint.\n\n_Demo content._",
      ),
      addressee: text('ҚР Парламенті Мәжілісі', 'Мажилис Парламента РК', 'The Mazhilis of the Parliament of Kazakhstan'),
      goal: 150_000,
      milestones: [10_000, 50_000, 100_000],
      milestonesAnnounced: [10_000],
      status: 'RESPONDED',
      opensAt: new Date('2021-02-23T04:00:00Z'),
      closesAt: new Date('2024-04-15T04:00:00Z'),
      handedOverAt: new Date('2024-01-15T06:00:00Z'),
      handoverNote: text(
        'Қолдар Мәжіліс депутаттарына тапсырылды (демо күні).',
        'Подписи переданы депутатам Мажилиса (демонстрационная дата).',
        'The signatures were handed to members of the Mazhilis (demo date).',
      ),
      respondedAt: new Date('2024-04-15T06:00:00Z'),
      response: text(
        '2024 жылғы 15 сәуірде Президент Тоқаев әйелдердің құқықтарын қорғау және балалар қауіпсіздігі туралы заңға қол қойды; ол 2024 жылғы 16 маусымда күшіне енді. Ұрып-соғу мен жеңіл зиян қайтадан қылмыс болды, қайталанған құқық бұзушылықта татуласу алынып тасталды.',
        '15 апреля 2024 года Президент Токаев подписал закон о защите прав женщин и безопасности детей; он вступил в силу 16 июня 2024 года. Побои и лёгкий вред снова стали уголовными, примирение при повторных нарушениях отменено, дела можно возбуждать без заявления пострадавшей.',
        "On 15 April 2024 President Tokayev signed the law on the protection of women's rights and children's safety, in force from 16 June 2024. Battery and minor harm are crimes again, reconciliation for repeat offences is gone, and cases can proceed without the victim's complaint.",
      ),
    },
  });

  // Most signatures came in the first weeks of 2021 and again after the murder in November 2023.
  await insertDemoSignatures(
    historic.id,
    1,
    HISTORIC_SIGNATURES,
    0,
    `
    CASE WHEN f < 0.55 THEN timestamptz '2021-02-23 06:00+00' + (f / 0.55) ^ 3 * interval '45 days'
         WHEN f < 0.70 THEN timestamptz '2021-04-10 06:00+00' + ((f - 0.55) / 0.15) * interval '940 days'
         ELSE timestamptz '2023-11-10 06:00+00' + ((f - 0.70) / 0.30) ^ 2 * interval '60 days' END`,
  );

  const open = await db.petition.create({
    data: {
      slug: OPEN_PETITION_SLUG,
      isDemo: true,
      title: text(
        'Жыныстық қудалау үшін жауапкершілік',
        'Ответственность за сексуальные домогательства',
        'Liability for sexual harassment',
      ),
      summary: text(
        'Қазақстанда жыныстық қудалау үшін әлі де жауапкершілік жоқ. Оны заңда белгілеуді сұраймыз.',
        'В Казахстане до сих пор нет ответственности за сексуальные домогательства. Мы просим закрепить её в законе.',
        'Kazakhstan still has no liability for sexual harassment. We ask for it to be set in law.',
      ),
      body: text(
        'Қудалау жұмыста, оқуда және интернетте болады. Біз заңда анықтама, әкімшілік және қылмыстық жауапкершілік, жұмыс берушілердің міндеттерін сұраймыз.\n\n_Демо мазмұн._',
        'Домогательства происходят на работе, в учёбе и в интернете. Мы просим закрепить в законе определение, административную и уголовную ответственность и обязанности работодателей.\n\n_Демонстрационный контент._',
        'Harassment happens at work, in education and online. We ask for a legal definition, administrative and criminal liability, and duties for employers.\n\n_Demo content._',
      ),
      addressee: text('ҚР Үкіметі', 'Правительство РК', 'The Government of Kazakhstan'),
      goal: 50_000,
      milestones: [1_000, 5_000, 10_000, 25_000],
      milestonesAnnounced: [1_000],
      status: 'OPEN',
      opensAt: new Date(now.getTime() - (OPEN_SIGNATURES_SPAN_DAYS + 1) * 24 * 3600_000),
    },
  });
  // The campaign gathers pace: more signatures in the last days than at the start of the month.
  const seededAt = `timestamptz '${now.toISOString()}'`;
  await insertDemoSignatures(open.id, 1, OPEN_CONFIRMED, 0, `${seededAt} - (1 - f) ^ 2 * interval '${OPEN_SIGNATURES_SPAN_DAYS} days'`);
  await insertDemoSignatures(open.id, OPEN_CONFIRMED + 1, OPEN_CONFIRMED + OPEN_PENDING, 1, `${seededAt} - f * interval '2 days'`);
}

/**
 * A demo database seeded weeks ago would show an open petition nobody has signed lately: its demo
 * signatures (and opening date) move forward so the newest is at `now` again. Real signatures are untouched.
 */
async function keepOpenPetitionRecent(now: Date): Promise<void> {
  await db.$executeRaw`
    WITH open AS (SELECT id FROM "Petition" WHERE slug = ${OPEN_PETITION_SLUG} AND "isDemo" AND status = 'OPEN'),
         shift AS (SELECT ${now}::timestamptz - max(s."createdAt") AS by FROM "Signature" s JOIN open ON s."petitionId" = open.id
                    WHERE s."supporterId" LIKE 'demo-supporter-%'),
         moved AS (
           UPDATE "Signature" s SET "createdAt" = s."createdAt" + shift.by, "confirmedAt" = s."confirmedAt" + shift.by,
                                    "expiresAt" = s."expiresAt" + shift.by
             FROM open, shift WHERE s."petitionId" = open.id AND s."supporterId" LIKE 'demo-supporter-%' AND shift.by > interval '1 day'
           RETURNING 1)
    UPDATE "Petition" p SET "opensAt" = p."opensAt" + shift.by FROM open, shift
     WHERE p.id = open.id AND shift.by > interval '1 day'`;
}

/** The demo supporters, sealed like real ones, in batches (one statement each). */
async function insertDemoSupporters(): Promise<void> {
  const keys = await keyring();
  const locales = ['kk', 'ru', 'ru', 'en'] as const;
  for (let first = 1; first <= HISTORIC_SIGNATURES; first += DEMO_SUPPORTER_BATCH) {
    const numbers = Array.from({ length: Math.min(DEMO_SUPPORTER_BATCH, HISTORIC_SIGNATURES - first + 1) }, (_, index) => first + index);
    const emails = numbers.map((i) => `demo-${String(i).padStart(6, '0')}@${DEMO_DOMAIN}`);
    const names = numbers.map((i) => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / 7) % LAST_NAMES.length]}`);
    await db.$executeRaw`
      INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "nameSealed", locale, region, "createdAt", "updatedAt")
      SELECT 'demo-supporter-' || v.i, v.ix, v.email, v.name, v.locale::"Locale", v.region::"Region", now(), now()
        FROM unnest(${numbers}::int[], ${emails.map((email) => keys.emailIndex(email))}::text[],
                    ${emails.map((email) => keys.seal('email', email))}::text[], ${names.map((name) => keys.seal('name', name))}::text[],
                    ${numbers.map((i) => locales[i % 4])}::text[], ${numbers.map((i) => REGION_WEIGHTS[(i * 7919) % REGION_WEIGHTS.length])}::text[])
             AS v(i, ix, email, name, locale, region)
      ON CONFLICT ("emailIndex") DO NOTHING`;
  }
}

/** Rows from..to of the demo supporters; `pending` 1 = unconfirmed. f is a deterministic fraction per row. */
async function insertDemoSignatures(petitionId: string, from: number, to: number, pending: 0 | 1, timeExpression: string) {
  await db.$executeRawUnsafe(
    `
    WITH rows AS (
      SELECT i, ((i::bigint * 2654435761) % 1000003)::float / 1000003 AS f FROM generate_series(${from}, ${to}) AS i
    )
    INSERT INTO "Signature" ("petitionId", "supporterId", "emailIndex", "emailSealed", "fullNameSealed", region, locale, "isPublic",
                             "wantsUpdates", status, "consentVersion", "mailPending", "mailsSent", "createdAt", "confirmedAt", "expiresAt")
    SELECT $1, s.id, s."emailIndex", s."emailSealed", s."nameSealed", s.region, s.locale, rows.i % 3 = 0, false,
           ${pending ? `'PENDING'` : `'CONFIRMED'`}::"SignatureStatus", '${PRIVACY_NOTICE_VERSION}', false, 1,
           ${timeExpression}, ${pending ? 'NULL' : timeExpression}, ${pending ? `${timeExpression} + interval '7 days'` : 'NULL'}
      FROM rows JOIN "Supporter" s ON s.id = 'demo-supporter-' || rows.i
    ON CONFLICT ("petitionId", "emailIndex") DO NOTHING`,
    petitionId,
  );
  // The counter starts equal to the true count (the reconciliation job keeps it so).
  await db.$executeRaw`
    INSERT INTO "PetitionCountShard" ("petitionId", shard, confirmed)
    SELECT ${petitionId}, 0, count(*) FROM "Signature" WHERE "petitionId" = ${petitionId} AND status = 'CONFIRMED'
    ON CONFLICT ("petitionId", shard) DO UPDATE SET confirmed = EXCLUDED.confirmed`;
}
