'use client';

import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and while hydrating, true once the page's script runs: for controls
 * that only work with JavaScript (a passkey button), which stay disabled until then.
 */
export function useScriptRuns(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
