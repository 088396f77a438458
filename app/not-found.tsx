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
            {/* A plain link: this page's scripts load on every page, and next/link is not on public pages (docs/conventions.md). */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a rule for the Pages Router; `/` redirects to a language */}
            <a href="/">Dauys</a>
          </p>
        </main>
      </body>
    </html>
  );
}
