/**
 * A first visit's scripts under load, for bench:sign: the scripts a browser downloads for a page
 * (not the `noModule` polyfills modern browsers skip), asked for over and over as browsers ask.
 */
import autocannon from 'autocannon';

async function pageScripts(pageUrl: string): Promise<string[]> {
  const html = await (await fetch(pageUrl)).text();
  return [...html.matchAll(/<script\b([^>]*)>/g)]
    .map(([, attributes = '']) => attributes)
    .filter((attributes) => !/\bnomodule\b/i.test(attributes))
    .flatMap((attributes) => / src="([^"]+)"/.exec(attributes)?.[1] ?? []);
}

/** Visits a second whose scripts `baseUrl` served for `pagePath` (50 connections), and the KB each visit read. */
export async function firstVisitScripts(baseUrl: string, pagePath: string, seconds: number) {
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
