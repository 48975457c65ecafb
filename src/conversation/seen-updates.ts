/**
 * Telegram re-sends a webhook update when our answer was slow; a retried getUpdates can
 * repeat one too. Remembering the last update_ids (numbers Telegram assigns, not about a
 * person) lets each be handled exactly once.
 */
export class SeenUpdates {
  private seen = new Set<number>();
  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered, false for a repeat. */
  firstTime(updateId: number): boolean {
    if (this.seen.has(updateId)) return false;
    this.seen.add(updateId);
    if (this.seen.size > this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.seen.values().next().value as number;
      this.seen.delete(oldest);
    }
    return true;
  }
}
