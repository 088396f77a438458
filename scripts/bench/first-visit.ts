/**
 * A first visit's scripts under load, for bench:sign: the scripts a browser downloads for a page
 * (not the `noModule` polyfills modern browsers skip), asked for over and over as browsers ask.
 */
import autocannon from 'autocannon';

async function pageScripts(pageUrl: string): Promise<string[]> {
  const html = await (await fetch(pageUrl)).text();
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map(([, attributes = '']) => attributes)
    .filter((attributes) => !/\bnomodule\b/i.test(attributes))
    .flatMap((attributes) => / src="([^"]+)"/.exec(attributes)?.[1] ?? []);
  // With component chunks (decision 0013) a page's own client components are not in a <script> tag:
  // the runtime loads them from the chunk paths the flight data names, one row each.
  const fromFlightData = [...html.matchAll(/\\n[0-9a-f]+:\\"(\/_next\/static\/chunks\/[^"\\]+\.js)\\"/g)].map(([, path]) => path!);
  return [...new Set([...tags, ...fromFlightData])];
}

/** Visits a second whose scripts `baseUrl` served for `pagePath` (50 connections), and the KB each visit read. */
async function firstVisitScripts(baseUrl: string, pagePath: string, seconds: number) {
  const scripts = await pageScripts(`${baseUrl}${pagePath}`);
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  const result = await autocannon({
    url: baseUrl,
    duration: seconds,
    connections: 50,
    requests: scripts.map((script) => ({ method: 'GET', path: script, headers })),
  });
  const visits = result['2xx'] / scripts.length;
  return {
    scripts: scripts.length,
    visitsPerSecond: visits / seconds,
    kilobytesPerVisit: result.throughput.total / Math.max(1, visits) / 1024,
    non2xx: result.non2xx,
  };
}

type Page = { url: string; path: string };

/** Prints a first visit's scripts per second for Dauys' page and the bare page (served by `next start` alone), and the ratio. */
export async function compareFirstVisits(dauys: Page, bare: Page, seconds: number, line: (label: string, value: string) => void) {
  const visitsPerSecond = async (label: string, page: Page) => {
    const visits = await firstVisitScripts(page.url, page.path, seconds);
    line(
      label,
      `${visits.visitsPerSecond.toFixed(0).padStart(5)} /s  ${visits.scripts} scripts, ${visits.kilobytesPerVisit.toFixed(0)} KB each visit  non-2xx ${visits.non2xx}`,
    );
    return visits.visitsPerSecond;
  };
  const dauysRate = await visitsPerSecond("a first visit's scripts (petition page)", dauys);
  const bareRate = await visitsPerSecond("  the bare page's scripts", bare);
  line("  a first visit's scripts, Dauys / baseline", (dauysRate / bareRate).toFixed(2));
}
