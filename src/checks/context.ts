/** What every content check gets: the content, the date, and where to report what it finds. */
import type { Content } from '../content/model.ts';

export interface CheckContext {
  readonly content: Content;
  readonly now: Date;
  /** Something the bot must not run with. */
  err(file: string, where: string, message: string): void;
  /** Something an editor should look at. */
  warn(file: string, where: string, message: string): void;
  /** lang -> number of keys that fall back to English. */
  readonly missing: Map<string, number>;
  /** lang -> number of translations made from an older English text. */
  readonly outdated: Map<string, number>;
  /** How many screens a check opened, for the summary line. */
  rendered(count: number): void;
}

/** One check: a name for the list (and for tests that run it alone) and what it does. */
export interface ContentCheck {
  readonly name: string;
  run(ctx: CheckContext): void;
}
