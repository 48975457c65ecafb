/**
 * Words that only say "hurry" or call for help without saying what ("URGENT!!", "SPOED vraagje",
 * "عاجل", "срочно", "急", "help!"). People put them before ordinary questions ("urgent: where are
 * free Dutch lessons?"), so read as words of the emergency topic they would open an emergency
 * screen for a question about school. The router reads the text without them (content-router.ts):
 * when the rest names no subject clearly the text counts as typed, and a text of nothing but
 * them gets the emergency menu. Danger words are never in these lists: "urgent, he has a knife"
 * keeps its knife.
 *
 * The lists are each language's `urgency` in `locales/<code>/routing.json`, all applied to
 * every text (the words rarely mean anything else in another language, and people mix them).
 */
import type { RoutingData } from '../content/schema.ts';
import { addRun, eachRun, runTable } from './runs.ts';

export interface ReadPast {
  /** The text without its urgency words. */
  text: string;
  /** Whether it had any. */
  found: boolean;
}

/** A word: letters, marks and digits ("3ajel", "فوراً"); anything else separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Matched word by word, not by one regular expression of every form: V8 compiles a pattern of
 * 200 Unicode alternatives on its first two uses, 30 ms each, which the first people to type
 * after a start would wait for.
 */
export function createUrgencyFilter(routing: Iterable<RoutingData>): (text: string) => ReadPast {
  const forms = runTable<true>();
  for (const data of routing) {
    for (const form of data.urgency) {
      const words = form.normalize('NFKC').toLowerCase().match(WORD) ?? [];
      if (words.length > 0) addRun(forms, words.join(' '), true);
    }
  }
  if (forms.values.size === 0) return (text) => ({ text, found: false });
  return (text) => {
    const folded = text.normalize('NFKC');
    const words = [...folded.matchAll(WORD)].map((m) => ({ word: m[0].toLowerCase(), from: m.index, to: m.index + m[0].length }));
    // Longest run first at each place, so "very urgent" goes as a whole before "urgent".
    const cuts: Array<[number, number]> = [];
    eachRun(
      words.map((w) => w.word),
      [forms],
      (run) => forms.values.get(run),
      (_, from, length) => cuts.push([words[from]!.from, words[from + length - 1]!.to]),
    );
    if (cuts.length === 0) return { text, found: false };
    let calm = '';
    let at = 0;
    for (const [from, to] of cuts) {
      calm += `${folded.slice(at, from)} `;
      at = to;
    }
    return { text: calm + folded.slice(at), found: true };
  };
}
