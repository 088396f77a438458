/*
 * What this worker process knows about the SMTP relay. When it fails as a relay (unreachable,
 * silent, refusing us), mail is held instead of each message finding out on its own, and the relay
 * is checked every MAIL_RELAY_PROBE_SECONDS. The first answer releases the held mail at once, so
 * delivery resumes within one check of the relay's return, whatever back-off the mails had reached.
 */

import { log } from '@/lib/log';

const mailLog = log.child({ component: 'mail' });

export type RelayOutage = { since: Date; reason: string };

export type RelayWatchHooks = {
  /** Connects to the relay and resolves when it answers (nodemailer's verify, under a deadline). */
  check: () => Promise<unknown>;
  /** Runs once the relay answers again: releases the held mail. */
  onBack: () => Promise<unknown>;
  probeEveryMs: number;
};

type WatchState = { outage?: RelayOutage; timer?: NodeJS.Timeout; isChecking?: boolean };
// One per process; the global survives hot reloads in development.
const globalForRelay = globalThis as unknown as { dauysRelayWatch?: WatchState };
const state = (globalForRelay.dauysRelayWatch ??= {});

export function currentRelayOutage(): RelayOutage | undefined {
  return state.outage;
}

/** A job that was holding its mail while the relay came back finishes within moments: a second release catches it. */
const SECOND_RELEASE_AFTER_MS = 2000;

function relayIsBack(hooks: RelayWatchHooks) {
  if (!state.outage) return;
  const { since } = state.outage;
  stopRelayWatch();
  mailLog.info({ downSince: since.toISOString() }, 'the SMTP relay answers again; releasing held mail');
  const release = () => hooks.onBack().catch((error: unknown) => mailLog.error({ err: error }, 'could not release held mail'));
  void release();
  setTimeout(() => void release(), SECOND_RELEASE_AFTER_MS).unref();
}

/** A delivery failed as a relay failure: hold mail and check the relay until it answers. */
export function reportRelayDown(reason: string, hooks: RelayWatchHooks): void {
  if (state.outage) {
    state.outage.reason = reason;
    return;
  }
  state.outage = { since: new Date(), reason };
  mailLog.warn(
    { reason, probeEverySeconds: hooks.probeEveryMs / 1000 },
    'the SMTP relay failed; holding mail and checking it until it answers',
  );
  state.timer = setInterval(() => {
    if (state.isChecking) return;
    state.isChecking = true;
    hooks
      .check()
      .then(
        () => relayIsBack(hooks),
        (error: unknown) => {
          if (state.outage) state.outage.reason = error instanceof Error ? error.message : String(error);
        },
      )
      .finally(() => (state.isChecking = false));
  }, hooks.probeEveryMs);
  state.timer.unref();
}

/** A delivery went through: the relay works (and held mail, if any, is released). */
export function reportRelayUp(hooks: RelayWatchHooks): void {
  relayIsBack(hooks);
}

export function stopRelayWatch(): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
  state.outage = undefined;
  state.isChecking = false;
}
