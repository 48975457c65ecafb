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

export interface ReadPast {
  /** The text without its urgency words. */
  text: string;
  /** Whether it had any. */
  found: boolean;
}

/** A word edge: no letter, mark or digit on that side. */
const EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

export function createUrgencyFilter(routing: Iterable<RoutingData>): (text: string) => ReadPast {
  const forms = new Set<string>();
  for (const data of routing) for (const form of data.urgency) forms.add(form.normalize('NFKC').toLowerCase());
  if (forms.size === 0) return (text) => ({ text, found: false });
  // Longest first, so "very urgent" goes as a whole before "urgent"; spaces match any run of non-letters.
  const alternatives = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[^\\p{L}\\p{N}]+'));
  const pattern = new RegExp(`${EDGE_BEFORE}(?:${alternatives.join('|')})${EDGE_AFTER}`, 'giu');
  return (text) => {
    const folded = text.normalize('NFKC');
    const calm = folded.replace(pattern, ' ');
    return calm === folded ? { text, found: false } : { text: calm, found: true };
  };
}
