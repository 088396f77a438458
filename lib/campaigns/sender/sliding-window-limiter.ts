const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most `limit` events in ANY window of `windowMs` (a sliding log, not a token bucket: a bucket
 * of size N refilled at N per second lets 2N through in some one-second windows). limit 0 = no limit.
 * One instance per sender process; the sender lock makes that process the only campaign sender.
 */
export class SlidingWindowLimiter {
  private readonly stamps: number[] = [];
  private head = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    // Monotonic and sub-millisecond: Date.now() is whole milliseconds and timers may fire up to 1 ms early.
    private readonly now: () => number = () => performance.now(),
  ) {}

  get unlimited(): boolean {
    return this.limit === 0;
  }

  /** Events recorded in the current window. */
  countInWindow(): number {
    this.evict();
    return this.stamps.length - this.head;
  }

  /** Records events that happened before this process started (epoch ms, e.g. from the ledger). */
  preload(epochTimestamps: number[]): void {
    const offset = this.now() - Date.now();
    for (const stamp of [...epochTimestamps].sort((a, b) => a - b)) this.stamps.push(stamp + offset);
    this.evict();
  }

  /**
   * Waits until one more event fits in the window, then records it and returns the moment it was
   * admitted (on the limiter's clock). Callers are served in order.
   */
  take(): Promise<number> {
    if (this.unlimited) return Promise.resolve(this.now());
    const turn = this.queue.then(() => this.waitForRoom());
    this.queue = turn;
    return turn;
  }

  private async waitForRoom(): Promise<number> {
    for (;;) {
      this.evict();
      if (this.stamps.length - this.head < this.limit) {
        const admittedAt = this.now();
        this.stamps.push(admittedAt);
        return admittedAt;
      }
      // The oldest event in the window leaves it at stamp + windowMs; +1 so it is strictly out.
      await sleep(Math.max(1, this.stamps[this.head]! + this.windowMs + 1 - this.now()));
    }
  }

  private evict(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.head < this.stamps.length && this.stamps[this.head]! <= cutoff) this.head += 1;
    if (this.head > 4096 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
  }
}
