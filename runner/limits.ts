/**
 * A sliding-window rate limit: at most `max` events in any `windowMs`. Used where one caller could
 * otherwise repeat a costly request (starting labs, trying keys) as fast as it likes.
 */
export class RateLimit {
  readonly #times: number[] = [];

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one slot if there is one; false when the limit is reached. */
  take(): boolean {
    const now = this.now();
    while (this.#times.length && now - this.#times[0]! >= this.windowMs) this.#times.shift();
    if (this.#times.length >= this.max) return false;
    this.#times.push(now);
    return true;
  }
}
