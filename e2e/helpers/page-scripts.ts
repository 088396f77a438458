import type { Page } from '@playwright/test';

/**
 * The scripts `page` downloads from now on: `loads(marker)` tells whether any of them contains
 * `marker` (a name minification keeps), `count()` how many there were, `reset()` forgets them.
 */
export function watchPageScripts(page: Page) {
  const scripts: Array<Promise<string>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  });
  return {
    loads: async (marker: string) => (await Promise.all(scripts)).some((text) => text.includes(marker)),
    count: () => scripts.length,
    reset: () => void (scripts.length = 0),
  };
}
