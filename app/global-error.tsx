'use client';

import { TrilingualQuickExit } from '@/app/_components/trilingual-quick-exit';

// Replaces even the root layout when that fails, so it cannot know the language: all three, and a
// Quick exit that works as a plain link.
export default function GlobalError({ reset }: { reset: () => void }) {
  return (
    <html lang="kk">
      <body>
        <TrilingualQuickExit />
        <main id="main-content" className="page narrow">
          <h1>Бірдеңе дұрыс болмады</h1>
          <p lang="ru">Что-то пошло не так.</p>
          <p lang="en">Something went wrong.</p>
          <p>
            <button type="button" onClick={reset}>
              Қайталап көру · <span lang="ru">Попробовать ещё раз</span> · <span lang="en">Try again</span>
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}
