import { QUICK_EXIT_URL } from './quick-exit-url';

/**
 * Quick exit as a plain link in all three languages, for the pages that cannot know the visitor's
 * language or run scripts: the root not-found page and the global error page.
 */
export function TrilingualQuickExit() {
  return (
    <div className="quick-exit">
      <a href={QUICK_EXIT_URL} className="quick-exit-button" rel="noreferrer">
        Жылдам шығу · <span lang="ru">Быстрый выход</span> · <span lang="en">Quick exit</span>
      </a>
    </div>
  );
}
