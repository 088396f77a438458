import type { AppLocale } from '@/lib/i18n/routing';

/*
 * The error page's texts, here rather than in messages/: the error page is a client component that
 * can replace any page, so no server component hands it texts, and public pages load no translator
 * in the browser (docs/conventions.md).
 */
export const PAGE_ERROR_TEXTS: Record<AppLocale, Record<'title' | 'text' | 'retry' | 'backHome', string>> = {
  kk: {
    title: 'Бірдеңе дұрыс болмады',
    text: 'Бетті көрсету мүмкін болмады. Егер растауды көрсеңіз, ештеңе жоғалған жоқ; әйтпесе бір минуттан кейін қайталап көріңіз.',
    retry: 'Қайталап көру',
    backHome: 'Басты бетке оралу',
  },
  ru: {
    title: 'Что-то пошло не так',
    text: 'Страницу не удалось показать. Если вы видели подтверждение, ничего не потеряно; иначе попробуйте ещё раз через минуту.',
    retry: 'Попробовать ещё раз',
    backHome: 'Вернуться на главную',
  },
  en: {
    title: 'Something went wrong',
    text: 'The page could not be shown. Nothing you sent is lost if you saw a confirmation; otherwise please try again in a moment.',
    retry: 'Try again',
    backHome: 'Back to the home page',
  },
};
