/** Where anonymous counters go: day x language x screen (x typed-question topic). */
export type StatEvent = { lang: string; screen: string; topic?: string };

export interface StatsSink {
  count(event: StatEvent): void;
  close(): void;
}
