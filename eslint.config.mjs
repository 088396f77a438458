import Module, { createRequire } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';

// NOTE: typescript-eslint refuses TypeScript 7's package (it needs the TS 6 JavaScript API).
// TypeScript 7 ships that API as @typescript/typescript6 for tools like it, so `typescript` is
// resolved to it for the linter only; `tsc` and `next build` keep TypeScript 7.
// https://github.com/typescript-eslint/typescript-eslint/issues/10940
const require = createRequire(import.meta.url);
const typescript6 = require.resolve('@typescript/typescript6');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript6 : resolveFilename.call(this, request, ...rest);
};

const { default: nextVitals } = await import('eslint-config-next/core-web-vitals');
const { default: nextTs } = await import('eslint-config-next/typescript');

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { files: ['next.config.js'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // A public page loads react-hook-form when its form is first focused, not with the page; it has no
    // client-side router links and no translator in the browser (docs/conventions.md, "Public pages").
    files: [
      'app/\\[locale\\]/\\(public\\)/**',
      'app/{not-found,global-error}.tsx',
      'app/\\[locale\\]/not-found.tsx',
      'app/_components/{form-fields.tsx,lazy-*.ts,site-*.tsx,language-switcher.tsx,quick-exit.tsx,coming-soon.tsx,page-error*}',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react-hook-form',
              allowTypeImports: true,
              message: 'Public pages load react-hook-form when a form is first focused: use app/_components/lazy-form-control.ts.',
            },
            {
              name: '@/app/_components/form-kit',
              message: 'form-kit brings react-hook-form with the page: public forms use useLazyServerForm (lazy-server-form.ts).',
            },
            ...['next/link', '@/lib/i18n/navigation'].map((name) => ({
              name,
              message: 'A public page loads as a document: link with a plain <a href={`/${locale}/…`}> (no router link or prefetching).',
            })),
            ...['next-intl', '@/app/_components/client-messages', '@/app/_components/use-error-text'].map((name) => ({
              name,
              allowTypeImports: true,
              message:
                'Public pages load no translator in the browser: translate on the server and pass texts as props (lib/i18n/texts.ts).',
            })),
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    '.data/**',
    '.scratch/**',
    'lib/generated/**',
    'next-env.d.ts',
    'scripts/bench/baseline/.next-baseline/**',
    'scripts/bench/baseline/next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
