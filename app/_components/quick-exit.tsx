'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';
import { QUICK_EXIT_KEY_PRESSES, QUICK_EXIT_KEY_WINDOW_MS, QUICK_EXIT_URL } from './quick-exit-url';

/** Where the "press Esc twice" hint is hidden (app/globals.css): the primary pointer is a finger. */
const QUICK_EXIT_TOUCH_SCREEN = '(hover: none) and (pointer: coarse)';

function onTouchScreenChange(onChange: () => void): () => void {
  const query = window.matchMedia(QUICK_EXIT_TOUCH_SCREEN);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function leaveSite(): void {
  // Blank the page first, so nothing stays on screen while the neutral site loads.
  document.title = '';
  document.body.replaceChildren();
  // replace() swaps the current history entry: Back does not return to this page.
  window.location.replace(QUICK_EXIT_URL);
}

/**
 * A "Quick exit" button on every page (fixed on public pages, in the header of the console), and
 * Escape pressed twice within a second, for someone who must hide this site at once. Escape alone
 * keeps its usual meaning. `className` places it; without JavaScript the link still leaves. `label` and
 * `hint` are `common.quickExit.button` and `.hint`, translated by the server component that places it.
 */
export function QuickExit({ label, hint, className }: { label: string; hint: string; className?: string }) {
  const presses = useRef<number[]>([]);
  const container = useRef<HTMLDivElement>(null);
  // CSS hides the hint on a touch screen; a screen reader would still read it as the button's description.
  const isTouchScreen = useSyncExternalStore(
    onTouchScreenChange,
    () => window.matchMedia(QUICK_EXIT_TOUCH_SCREEN).matches,
    () => false,
  );

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.repeat) return;
      const now = event.timeStamp;
      presses.current = [...presses.current.filter((at) => now - at < QUICK_EXIT_KEY_WINDOW_MS), now];
      if (presses.current.length >= QUICK_EXIT_KEY_PRESSES) leaveSite();
    }
    window.addEventListener('keydown', onKeyDown, { capture: true });
    // Marks the page as ready: the shortcut listens and the button leaves without a history entry.
    container.current?.setAttribute('data-armed', 'true');
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  return (
    <div ref={container} className={className ? `quick-exit ${className}` : 'quick-exit'}>
      <a
        href={QUICK_EXIT_URL}
        className="quick-exit-button"
        rel="noreferrer"
        aria-describedby={isTouchScreen ? undefined : 'quick-exit-hint'}
        onClick={(event) => {
          event.preventDefault();
          leaveSite();
        }}
      >
        {label}
      </a>
      <p id="quick-exit-hint" className="quick-exit-hint">
        {hint}
      </p>
    </div>
  );
}
