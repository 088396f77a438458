/**
 * Demo reforms: the real history of the laws in shared facts (MISSION), sources cited in the
 * notes, no invented links. Stages are written as already announced, so seeding mails nobody.
 */
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ReformStageKind } from '@/lib/generated/prisma/enums';
import { SUBSCRIBE_CONSENT_VERSION } from '@/lib/reforms/constants';
import { upsertSupporterByEmail } from '@/lib/supporters/upsert-supporter';
import { dateColumnValue } from '@/lib/time/kazakhstan';

type Text = { kk: string; ru: string; en: string };
type DemoStage = { stage: ReformStageKind; on: string; note: Text; sourceLabel?: Text };
type DemoReform = { slug: string; title: Text; summary: Text; petitionSlug?: string; current: ReformStageKind; stages: DemoStage[] };

const LAW_2024: Text = {
  kk: 'Әйелдердің құқықтарын және балалардың қауіпсіздігін қамтамасыз ету мәселелері жөніндегі түзетулер туралы заң (2024)',
  ru: 'Закон «О внесении изменений и дополнений … по вопросам обеспечения прав женщин и безопасности детей» (2024)',
  en: 'Law "On Amendments … Regarding the Protection of Women\'s Rights and Children\'s Safety" (2024)',
};

const REFORMS: DemoReform[] = [
  {
    slug: 'women-and-children-protection-2024',
    petitionSlug: 'criminalise-domestic-violence',
    current: 'IN_FORCE',
    title: {
      kk: 'Әйелдердің құқықтарын және балалардың қауіпсіздігін қорғау туралы заң (2024)',
      ru: 'Закон о защите прав женщин и безопасности детей (2024)',
      en: "Law on the protection of women's rights and children's safety (2024)",
    },
    summary: {
      kk: 'Ұрып-соғу мен денсаулыққа жеңіл зиян келтіруді қайтадан қылмыс деп таныды, қайталанған құқық бұзушылықта татуласуды алып тастады, жәбірленушінің арызынсыз іс қозғауға мүмкіндік берді, Отбасын қолдау орталықтары мен байланыс орталығын құрды.',
      ru: 'Вернул побои и причинение лёгкого вреда здоровью в Уголовный кодекс, убрал примирение при повторных нарушениях, позволил действовать без заявления пострадавшей, создал Центры поддержки семьи и контакт-центр.',
      en: "Re-criminalises battery and minor harm to health, removes reconciliation for repeat offences, allows action without the victim's complaint, and sets up Family Support Centres and a contact centre.",
    },
    stages: [
      {
        stage: 'SIGNED',
        on: '2024-04-15',
        note: {
          kk: 'Президент Қасым-Жомарт Тоқаев әйелдердің құқықтарын және балалардың қауіпсіздігін қорғау мәселелері жөніндегі түзетулер туралы заңға қол қойды.',
          ru: 'Президент Касым-Жомарт Токаев подписал закон «О внесении изменений и дополнений … по вопросам обеспечения прав женщин и безопасности детей».',
          en: 'President Kassym-Jomart Tokayev signs the law "On Amendments … Regarding the Protection of Women\'s Rights and Children\'s Safety".',
        },
        sourceLabel: {
          kk: `${LAW_2024.kk}, 2024 жылғы 15 сәуірде қол қойылды`,
          ru: `${LAW_2024.ru}, подписан 15 апреля 2024 года`,
          en: `${LAW_2024.en}, signed 15 April 2024`,
        },
      },
      {
        stage: 'IN_FORCE',
        on: '2024-06-16',
        note: {
          kk: 'Заң күшіне енді: ұрып-соғу мен денсаулыққа жеңіл зиян келтіру қайтадан Қылмыстық кодексте.',
          ru: 'Закон вступил в силу: побои и лёгкий вред здоровью снова в Уголовном кодексе.',
          en: 'The law enters into force: battery and minor harm to health are crimes again.',
        },
        sourceLabel: {
          kk: `${LAW_2024.kk}, 2024 жылғы 16 маусымда күшіне енді`,
          ru: `${LAW_2024.ru}, вступил в силу 16 июня 2024 года`,
          en: `${LAW_2024.en}, in force 16 June 2024`,
        },
      },
    ],
  },
  {
    slug: 'criminalise-stalking',
    current: 'SIGNED',
    title: {
      kk: 'Аңду (сталкинг) үшін қылмыстық жауапкершілік',
      ru: 'Уголовная ответственность за преследование (сталкинг)',
      en: 'Criminalising stalking',
    },
    summary: {
      kk: 'Қылмыстық кодекстің 115-1-бабы: 200 АЕК-ке дейін айыппұл, 200 сағатқа дейін қоғамдық жұмыс немесе 50 тәулікке дейін қамаққа алу. Сол заң некеге мәжбүрлеуді (қалыңдық алып қашуды) да қылмыс деп таныды.',
      ru: 'Статья 115-1 Уголовного кодекса: штраф до 200 МРП, до 200 часов общественных работ или арест до 50 суток. Тот же закон сделал преступлением принуждение к браку (похищение невест).',
      en: 'Article 115-1 of the Criminal Code: a fine of up to 200 MCI, up to 200 hours of community service, or arrest for up to 50 days. The same law made coercion into marriage (bride kidnapping) a crime.',
    },
    stages: [
      {
        stage: 'PROPOSED',
        on: '2023-01-01',
        note: {
          kk: '2023 жылы Бас прокурордың үйлестіру кеңесінде ұсынылды (нақты күні көрсетілмеген, мұнда жылдың басы).',
          ru: 'Предложено в 2023 году на координационном совете Генерального прокурора (точная дата не указана, здесь — начало года).',
          en: "Proposed in 2023 at the Prosecutor General's coordination council (exact day not recorded; shown as the start of the year).",
        },
        sourceLabel: {
          kk: 'Бас прокурордың үйлестіру кеңесі, 2023 жыл',
          ru: 'Координационный совет Генерального прокурора, 2023 год',
          en: "Prosecutor General's coordination council, 2023",
        },
      },
      {
        stage: 'PASSED_MAZHILIS',
        on: '2025-05-28',
        note: {
          kk: 'Мәжіліс 2025 жылғы мамырдың соңында қабылдады (күні шамамен).',
          ru: 'Мажилис принял закон в конце мая 2025 года (день приблизительный).',
          en: 'Passed by the Mazhilis in late May 2025 (day approximate).',
        },
      },
      {
        stage: 'SENATE',
        on: '2025-06-19',
        note: {
          kk: 'Сенат 2025 жылғы маусымда қабылдады (күні шамамен).',
          ru: 'Сенат принял закон в июне 2025 года (день приблизительный).',
          en: 'Passed by the Senate in June 2025 (day approximate).',
        },
      },
      {
        stage: 'SIGNED',
        on: '2025-07-16',
        note: {
          kk: 'Президент қол қойды: Қылмыстық кодекстің 115-1-бабы «Аңду». Сол заң некеге мәжбүрлеуді де қылмыс деп таныды.',
          ru: 'Подписан Президентом: статья 115-1 Уголовного кодекса «Преследование». Тот же закон криминализировал принуждение к браку.',
          en: 'Signed by the President: Article 115-1 of the Criminal Code, "Stalking". The same law made coercion into marriage a crime.',
        },
        sourceLabel: {
          kk: 'Қазақстан Республикасының Қылмыстық кодексі, 115-1-бап (заңға 2025 жылғы 16 шілдеде қол қойылды)',
          ru: 'Уголовный кодекс Республики Казахстан, статья 115-1 (закон подписан 16 июля 2025 года)',
          en: 'Criminal Code of the Republic of Kazakhstan, Article 115-1 (law signed 16 July 2025)',
        },
      },
    ],
  },
  ...(
    [
      [
        'sexual-harassment-liability',
        'Жыныстық қудалау үшін жауапкершілік',
        'Ответственность за сексуальные домогательства',
        'Liability for sexual harassment',
        'sexual-harassment-liability',
      ],
      [
        'court-ordered-help-for-offenders',
        'Құқық бұзушыларға сот тағайындайтын психологиялық көмек',
        'Психологическая помощь агрессорам по решению суда',
        'Court-ordered psychological help for offenders',
        undefined,
      ],
      [
        'prevention-from-media-reports',
        'БАҚ пен интернеттегі хабарлар негізінде алдын алу шаралары',
        'Профилактические меры по сообщениям СМИ и интернета',
        'Preventive measures based on media and online reports',
        undefined,
      ],
      [
        'istanbul-convention',
        'Стамбул конвенциясына қосылу',
        'Присоединение к Стамбульской конвенции',
        'Accession to the Istanbul Convention',
        undefined,
      ],
    ] as const
  ).map(([slug, kk, ru, en, petitionSlug]) => ({
    slug,
    petitionSlug,
    current: 'PROPOSED' as const,
    title: { kk, ru, en },
    summary: {
      kk: 'Қозғалыс әлі де талап етіп отыр; заң жобасы әзірге жоқ. Жаңалық болғанда осында жазамыз.',
      ru: 'Движение всё ещё добивается этого; законопроекта пока нет. Новости появятся здесь.',
      en: 'Still proposed by the movement; there is no bill yet. News will appear here.',
    },
    stages: [],
  })),
];

const DEMO_SUBSCRIBERS = [
  { email: 'demo-reforms-1@example.org', locale: 'kk', scope: null, frequency: 'EACH' },
  { email: 'demo-reforms-2@example.org', locale: 'ru', scope: 'criminalise-stalking', frequency: 'EACH' },
  { email: 'demo-reforms-3@example.org', locale: 'en', scope: null, frequency: 'WEEKLY' },
  { email: 'demo-reforms-4@example.org', locale: 'ru', scope: 'women-and-children-protection-2024', frequency: 'EACH' },
] as const;

export async function seedReforms(): Promise<void> {
  const ids = new Map<string, string>();
  for (const demo of REFORMS) {
    const petition = demo.petitionSlug ? await db.petition.findUnique({ where: { slug: demo.petitionSlug }, select: { id: true } }) : null;
    const reform = await db.reform.upsert({
      where: { slug: demo.slug },
      create: {
        slug: demo.slug,
        title: demo.title,
        summary: demo.summary,
        currentStage: demo.current,
        petitionId: petition?.id ?? null,
        isDemo: true,
      },
      update: {},
      select: { id: true },
    });
    ids.set(demo.slug, reform.id);
    const announced = new Date('2025-07-17T00:00:00Z');
    await db.reformStage.createMany({
      data: demo.stages.map((s) => ({
        reformId: reform.id,
        stage: s.stage,
        occurredOn: dateColumnValue(s.on),
        note: s.note,
        sourceLabel: s.sourceLabel ?? Prisma.DbNull,
        createdAt: new Date(`${s.on}T12:00:00Z`),
        fanOutPreparedAt: announced,
        fanOutFinishedAt: announced,
      })),
      skipDuplicates: true,
    });
  }
  for (const subscriber of DEMO_SUBSCRIBERS) {
    const supporter = await upsertSupporterByEmail({ email: subscriber.email, locale: subscriber.locale });
    const reformId = subscriber.scope ? ids.get(subscriber.scope)! : null;
    await db.reformSubscription.upsert({
      where: { supporterId_scopeKey: { supporterId: supporter.id, scopeKey: reformId ?? 'all' } },
      create: {
        supporterId: supporter.id,
        reformId,
        scopeKey: reformId ?? 'all',
        locale: subscriber.locale,
        frequency: subscriber.frequency,
        status: 'CONFIRMED',
        confirmedAt: new Date('2025-01-01T00:00:00Z'),
        consentVersion: SUBSCRIBE_CONSENT_VERSION,
        source: 'demo',
      },
      update: {},
    });
  }
}
