import Link from 'next/link';
import { QUICK_EXIT_URL } from '@/app/_components/quick-exit-url';

// Only for paths outside every locale (the proxy sends the rest to /<locale>/…): all three languages.
export default function RootNotFound() {
  return (
    <html lang="kk">
      <body>
        <div className="quick-exit">
          <a href={QUICK_EXIT_URL} className="quick-exit-button" rel="noreferrer">
            Жылдам шығу · <span lang="ru">Быстрый выход</span> · <span lang="en">Quick exit</span>
          </a>
        </div>
        <main id="main-content" className="page narrow">
          <h1>404</h1>
          <p>Бет табылмады.</p>
          <p lang="ru">Страница не найдена.</p>
          <p lang="en">Page not found.</p>
          <p>
            <Link href="/">Dauys</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
