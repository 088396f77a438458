/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile, its default) with Debian's Chromium against a
 * production Dauys (scripts/start.ts on its own port and data directory, demo content) for the home,
 * petition, calendar and event pages in kk and ru, BENCH_LIGHTHOUSE_RUNS times each (3). Prints page ×
 * {performance of the median run and the spread of all runs, the lowest accessibility, best practices
 * and SEO of any run, JavaScript transferred}, then the median run's failing audits. Asserts nothing.
 * Goals (issue 19): ≥ 95 / 100 / 100 / 100, ≤ 120 KB of JavaScript on the petition page.
 * The last row is the bare Next.js page bench:sign compares with (scripts/bench/baseline/), built
 * here: the JavaScript any App Router page carries before an application adds its own.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildBaseline, startBaseline, type RunningBaseline } from './baseline';
import { startDauys } from './stack';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = '.data/bench-lighthouse';
const PORT = Number(process.env.BENCH_PORT ?? 3378);
const PG_PORT = process.env.BENCH_PG_PORT ?? '54378';
const BASELINE_PORT = Number(process.env.BENCH_BASELINE_PORT ?? 3379);
const BASE = `http://localhost:${PORT}`;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PETITION = 'sexual-harassment-liability';
/** Runs per page; the table shows the run with the median performance score. */
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

type Audit = { id: string; title: string; score: number | null; scoreDisplayMode: string; details?: { items?: unknown[] } };
type Result = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
};

/** The first event linked from the calendar (the demo's slugs carry the campaign's year). */
async function firstEventPath(locale: string): Promise<string> {
  const html = await (await fetch(`${BASE}/${locale}/events`)).text();
  const slug = [...html.matchAll(new RegExp(`href="/${locale}/events/([a-z0-9-]+)"`, 'g'))]
    .map((match) => match[1]!)
    .find((candidate) => candidate !== 'submit' && candidate !== 'rsvp');
  if (!slug) throw new Error(`no event linked from /${locale}/events`);
  return `/${locale}/events/${slug}`;
}

function categoryScore(result: Result, category: string): number {
  return Math.round((result.categories[category]?.score ?? 0) * 100);
}

function scriptKilobytes(result: Result): number {
  const items = (result.audits['network-requests']?.details?.items ?? []) as { resourceType?: string; transferSize?: number }[];
  return items.filter((item) => item.resourceType === 'Script').reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024;
}

/** Audits that cost points (binary ones failed, scored ones under 0.9), and informative findings with items (e.g. csp-xss). */
function failingAudits(result: Result): string[] {
  const found: string[] = [];
  for (const category of CATEGORIES) {
    for (const reference of result.categories[category]?.auditRefs ?? []) {
      const audit = result.audits[reference.id];
      if (!audit || (audit.score === null && audit.scoreDisplayMode !== 'informative')) continue;
      const failed = audit.scoreDisplayMode === 'binary' ? audit.score! < 1 : audit.score !== null && audit.score < 0.9;
      const noted = audit.scoreDisplayMode === 'informative' && category !== 'performance' && (audit.details?.items?.length ?? 0) > 0;
      if (failed) found.push(`${category}: ${audit.id} (${audit.title})${audit.score === null ? '' : ` score ${audit.score}`}`);
      // What the browser complained about, so it can be fixed without opening the report.
      if (failed && category === 'best-practices')
        found.push(...(audit.details?.items ?? []).slice(0, 5).map((item) => `    ${JSON.stringify(item).slice(0, 240)}`));
      else if (noted) found.push(`${category}, informative: ${audit.id} (${audit.title})`);
    }
  }
  return found;
}

async function main() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  await rm(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const server = await startDauys(BASE, {
    PORT: String(PORT),
    APP_URL: BASE,
    DAUYS_DATA_DIR: DATA_DIR,
    DAUYS_PG_PORT: PG_PORT,
    DAUYS_SMTP_PORT: process.env.BENCH_SMTP_PORT ?? '2578',
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || '.next-bench-lighthouse',
    WEB_PROCESSES: '1',
    DATABASE_URL: '',
    SMTP_URL: '',
  });
  let baseline: RunningBaseline | undefined;
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
  try {
    await buildBaseline();
    // The baseline page reads nothing from the database; the URL only satisfies its route handler.
    baseline = await startBaseline(BASELINE_PORT, `postgresql://dauys:dauys@127.0.0.1:${PG_PORT}/dauys`);
    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox'] });
    const pages: string[] = [];
    for (const locale of ['kk', 'ru']) {
      pages.push(
        `${BASE}/${locale}`,
        `${BASE}/${locale}/petitions/${PETITION}`,
        `${BASE}/${locale}/events`,
        `${BASE}${await firstEventPath(locale)}`,
      );
    }
    pages.push(`${baseline.url}/page`);
    const table = [`${'page'.padEnd(52)} perf  a11y  b-p   SEO   JS KB  perf, ${RUNS} runs`];
    const failures: string[] = [];
    for (const page of pages) {
      await fetch(page); // the first render of each route is not what a visitor gets
      const results: Result[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const runner = await lighthouse(page, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        results.push(runner!.lhr as unknown as Result);
      }
      // Lighthouse's own advice for a score that moves between runs: take the median run, show the spread.
      const byPerformance = [...results].sort((a, b) => categoryScore(a, 'performance') - categoryScore(b, 'performance'));
      const median = byPerformance[Math.floor(byPerformance.length / 2)]!;
      const spread = `${categoryScore(byPerformance[0]!, 'performance')}–${categoryScore(byPerformance.at(-1)!, 'performance')}`;
      const name = page.startsWith(baseline.url) ? 'bare Next.js page (scripts/bench/baseline)' : page.slice(BASE.length);
      // The other categories do not move between runs; the worst of the runs is shown, so none hides.
      const score = (category: string) =>
        category === 'performance'
          ? categoryScore(median, category)
          : Math.min(...results.map((result) => categoryScore(result, category)));
      const scores = CATEGORIES.map((category) => String(score(category)).padStart(4)).join('  ');
      table.push(`${name.padEnd(52)} ${scores}  ${scriptKilobytes(median).toFixed(0).padStart(5)}  ${spread.padStart(9)}`);
      failures.push(`${name}:`, ...failingAudits(median).map((line) => `  ${line}`));
    }
    console.log(
      `\nLighthouse ${(await import('lighthouse/package.json')).default.version}, mobile, ${CHROMIUM}, one web process, median of ${RUNS} runs, ${new Date().toISOString()}`,
    );
    console.log(
      `Goals: ≥ 95 / 100 / 100 / 100, ≤ 120 KB of JavaScript on the petition page\n${table.join('\n')}\n\nFailing audits\n${failures.join('\n')}`,
    );
  } finally {
    await chrome?.kill();
    await baseline?.stop();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
