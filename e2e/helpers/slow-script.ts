import type { Page } from '@playwright/test';

/**
 * A phone on a slow network: the page's HTML is there but its scripts are held back until `release`,
 * which waits until React has taken over the element with `hydratedId`.
 */
export async function holdPageScripts(page: Page) {
  const scripts = /\/_next\/static\/chunks\/.+\.js$/;
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(scripts, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  const isHydrated = (id: string) => Object.keys(document.getElementById(id) ?? {}).some((key) => key.startsWith('__reactFiber'));
  return {
    isHydrated: (hydratedId: string) => page.evaluate(isHydrated, hydratedId),
    release: async (hydratedId: string) => {
      releaseScripts();
      await page.waitForFunction(isHydrated, hydratedId);
      await page.unroute(scripts);
    },
  };
}
