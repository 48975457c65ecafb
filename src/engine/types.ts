/**
 * What the engine takes and gives. No grammY here: channels translate updates into
 * Input and Screens into their own calls.
 */
import type { TopicId } from '../content/schema.ts';

/** Everything the bot knows about a conversation: it fits in a button. */
export type State = {
  lang: string;
  /** City id, when the person chose one. */
  city?: string;
  /** The screen shown (a flow screen id or one of the engine's own: home, lang, city, help, privacy). */
  screen: string;
};

/** Commands that open one of the engine's own screens (conversation/commands.ts lists every command). */
export type ScreenCommand = 'menu' | 'language' | 'help' | 'privacy';

export type Input =
  /** /start, optionally with a deep-link payload; langHint is the app's language tag (Telegram's language_code). */
  | { type: 'start'; payload?: string; langHint?: string }
  | { type: 'command'; command: ScreenCommand }
  | { type: 'callback'; data: string }
  | { type: 'text'; text: string }
  | { type: 'contact' }
  | { type: 'location'; lat: number; lon: number }
  /** Voice notes, photos, stickers, ...: things the bot cannot read. */
  | { type: 'unsupported'; kind: string };

export type Button = { label: string; data: string } | { label: string; url: string };

export type Screen = {
  /** The state after this step: channels remember lang (in memory) for typed text. */
  state: State;
  /** Telegram-flavoured HTML: <b>, <i>, <a href>, <blockquote>. Always valid and escaped. */
  text: string;
  /** Rows of buttons in logical order (first = what a reader meets first); channels lay them out for the text direction. */
  buttons: Button[][];
  /** Text direction of the language, for channels that can set it (the web page). */
  dir: 'ltr' | 'rtl';
  /** For anonymous statistics: which screen, and the topic a typed question went to. */
  stat: { screen: string; topic?: TopicId | null };
};

/** What free-text routing returns (implemented in src/search/). */
export type RouteResult = {
  topic: TopicId | null;
  /** The screen id or topic id to open; null with topic null ("none" for small talk). */
  target: string | null;
  /** The guessed language of the text, or the given one when the text gives no evidence. */
  lang: string;
  /** 0..1, higher is surer. */
  score: number;
  /** Words of danger (self-harm, violence now, medical emergency): show emergency first. */
  urgent: boolean;
  /** Other likely targets, up to 3, best first (not repeating `target`). */
  alternatives: Array<{ target: string; topic: TopicId; score: number }>;
  /**
   * Every topic or screen id the words point to, with its raw weight of evidence, best first,
   * and what each typed word gave it (the walk asks which words decide a menu's option).
   */
  evidence?: Array<{ target: string; score: number; byWord?: ArrayLike<number> }>;
  /** The screen the decision trees lead to (set by the content router, which knows the flows). */
  choice?: {
    /** Open it at once (sure) or offer it first; null: no screen fits. */
    screen: string | null;
    sure: boolean;
    /** Other screens to offer after it, best first. */
    alternatives: string[];
    /** The city the text names ("we are in Gand"), when it names one the bot knows. */
    city?: string;
  };
};

export type Router = { route(text: string, lang?: string, city?: string): RouteResult };
