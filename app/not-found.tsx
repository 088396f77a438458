import Link from 'next/link';
import { TrilingualQuickExit } from '@/app/_components/trilingual-quick-exit';

// Only for paths outside every locale (the proxy sends the rest to /<locale>/…): all three languages.
export default function RootNotFound() {
  return (
    <html lang="kk">
      <body>
        <TrilingualQuickExit />
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
