/**
 * One turn of a conversation, the same for every channel: what the chat is answered with, in
 * which language, what is remembered after it and what is counted. A channel turns its updates
 * into an Input, delivers the StepResult in its own way, and calls `afterDelivery` with what it
 * remembered before; it decides none of these rules itself.
 *
 * Channel-neutral and pure like the engine: no grammY, no file system, no environment.
 */
import type { Content } from '../content/model.ts';
import { pickLanguage, step, type EngineDeps, type StepResult } from '../engine/engine.ts';
import type { Input } from '../engine/types.ts';
import type { StatsSink } from '../stats/stats-sink.ts';

/** What a chat's memory holds between turns (in memory only, privacy/chat-memory.ts). */
export type Remembered = { lang?: string; city?: string; demo?: boolean };

export type TurnDeps = EngineDeps & { stats?: StatsSink };

/** The screen for one input. `langTag`: the language the person's app or browser says, a hint only. */
export function takeTurn(deps: EngineDeps, remembered: Remembered | undefined, langTag: string | undefined, input: Input): StepResult {
  return step(deps, { ...remembered, langHint: langTag }, input);
}

/**
 * What to remember once a screen was delivered, and the screen counted (anonymously; an outreach
 * demo counts nothing). The language picker itself is not a choice yet; every screen after it is.
 */
export function afterDelivery(deps: TurnDeps, before: Remembered | undefined, result: StepResult): Remembered {
  if (!result.demo) deps.stats?.count({ lang: result.state.lang, screen: result.stat.screen, topic: result.stat.topic ?? undefined });
  return {
    ...before,
    ...(result.state.screen !== 'lang' ? { lang: result.state.lang } : {}),
    ...(result.state.city ? { city: result.state.city } : {}),
    ...(result.demo ? { demo: true } : {}),
  };
}

/** The language for a line outside any screen (an error, "slow down", "cleared"): the chat's choice, else its app's, else English. */
export function replyLanguage(content: Content, remembered: Remembered | undefined, langTag?: string): string {
  return pickLanguage(content, { lang: remembered?.lang, langHint: langTag }) ?? 'en';
}

/** The line sent when a turn failed, so nobody is left in silence. */
export function errorLine(content: Content, lang: string): string {
  return content.t(lang, 'common', 'error.retry');
}

/** Told once to a person who sends too much too fast (privacy/flood-guard.ts decides when). */
export function slowDownLine(content: Content, lang: string): string {
  return content.t(lang, 'common', 'flood.slow');
}

/** In a group, where everyone would read a person's questions: the way to a private chat. */
export function privateChatLine(content: Content, lang: string, link: string): string {
  return content.t(lang, 'common', 'group.private', { link });
}
