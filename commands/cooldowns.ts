/**
 * Per-user cooldowns for `/ask`. Entries are kept in insertion order, which with one fixed duration is
 * also expiry order: expired ones are evicted from the front, so the map never holds more than the
 * users seen within one cooldown (and never more than `maxEntries`).
 */
export class Cooldowns {
  private readonly expiries = new Map<string, number>();

  constructor(
    readonly seconds: number,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * Starts `userId`'s cooldown and returns 0 when they may go ahead now; otherwise returns how many
   * milliseconds remain and changes nothing.
   */
  take(userId: string, now: number): number {
    if (this.seconds <= 0) return 0;
    this.evictExpired(now);
    const expiry = this.expiries.get(userId);
    if (expiry !== undefined && expiry > now) return expiry - now;
    this.expiries.delete(userId);
    this.expiries.set(userId, now + this.seconds * 1000);
    // Past the bound (a burst of distinct users), forget the oldest: they are the nearest to expiry.
    while (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest === undefined) break;
      this.expiries.delete(oldest);
    }
    return 0;
  }

  get size(): number {
    return this.expiries.size;
  }

  private evictExpired(now: number): void {
    for (const [userId, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(userId);
    }
  }
}
