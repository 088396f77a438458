import type { LocalizedText } from '@/lib/validation';

export type HotlineContent = { number: string; name: LocalizedText; description: LocalizedText };

/**
 * The numbers shown when organizers have not edited the list (and what the seed puts in the
 * Hotline table). All are free of charge in Kazakhstan.
 */
export const DEFAULT_HOTLINES: readonly HotlineContent[] = [
  {
    number: '111',
    name: {
      kk: 'Отбасы, әйелдер мен балалар құқықтары жөніндегі байланыс орталығы',
      ru: 'Контакт-центр по вопросам семьи, защиты прав женщин и детей',
      en: "Contact centre for family, women's and children's rights",
    },
    description: {
      kk: 'Мемлекеттік байланыс орталығы: тегін, тәулік бойы, қоңырау шалуға немесе хабарлама жазуға болады. 2023 жылғы 16 қазаннан бастап жұмыс істейді.',
      ru: 'Государственный контакт-центр: бесплатно и круглосуточно, можно позвонить или написать сообщение. Работает с 16 октября 2023 года.',
      en: 'The state contact centre: free, 24/7, by phone or by text message. Open since 16 October 2023.',
    },
  },
  {
    number: '150',
    name: {
      kk: 'Балалар мен жастарға арналған ұлттық сенім телефоны',
      ru: 'Национальная телефонная линия доверия для детей и молодёжи',
      en: 'National helpline for children and young people',
    },
    description: {
      kk: 'Балалар, жасөспірімдер және олардың ата-аналары үшін тегін әрі құпия кеңес: психологиялық қолдау, зорлық-зомбылық пен қорлау жағдайлары.',
      ru: 'Бесплатная и анонимная консультация для детей, подростков и их родителей: психологическая поддержка, случаи насилия и травли.',
      en: 'Free, confidential advice for children, teenagers and their parents: emotional support, violence and bullying.',
    },
  },
  {
    number: '102',
    name: { kk: 'Полиция', ru: 'Полиция', en: 'Police' },
    description: {
      kk: 'Зорлық-зомбылық болып жатса немесе сізге қауіп төнсе, полицияны шақырыңыз. Тегін, тәулік бойы.',
      ru: 'Вызывайте полицию, если происходит насилие или вам угрожают. Бесплатно, круглосуточно.',
      en: 'Call the police if violence is happening or you are being threatened. Free, 24/7.',
    },
  },
  {
    number: '112',
    name: { kk: 'Бірыңғай шұғыл қызмет', ru: 'Единая служба экстренного вызова', en: 'Emergency services' },
    description: {
      kk: 'Өмірге қауіп төнген кез келген жағдайда: полиция, жедел жәрдем, құтқарушылар. Тегін, тәулік бойы.',
      ru: 'При любой угрозе жизни: полиция, скорая помощь, спасатели. Бесплатно, круглосуточно.',
      en: 'For any threat to life: police, ambulance, rescue services. Free, 24/7.',
    },
  },
];
