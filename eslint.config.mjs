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
    // A public page loads react-hook-form when its form is first focused, not with the page.
    files: ['app/\\[locale\\]/\\(public\\)/**', 'app/_components/form-fields.tsx', 'app/_components/lazy-*.ts'],
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
