/**
 * What typed text says about age, time and place: "I am 17", "born ٣ أيام ago", "vijf dagen", "gisteren",
 * "we are in Gand". The words for numbers, time units, ages and cities come from each
 * language's `locales/<code>/routing.json`; the display names of the cities count too. The
 * decision trees use the result through their screens' `when` ranges and city options.
 */
import type { RoutingData } from '../content/schema.ts';
import { normalize } from './normalize.ts';
import { addRun, eachRun, type RunTable, runTable } from './runs.ts';

export interface Slots {
  /** Ages in years the text gives ("17 ans", "I am 16"). */
  ages: number[];
  /** Times since something, in days ("10 days ago", "2 weeks" -> 14). */
  days: number[];
  /** City ids the text names, first named first. */
  cities: string[];
  /** Country ids the text names ("in Belgium", "Hollanda'da"), first named first. */
  countries: string[];
}

export interface CityNames {
  /** City id -> names from any source (routing.json of every language, display names). */
  readonly [id: string]: readonly string[];
}

const DAYS_PER_UNIT = { day: 1, week: 7, month: 30, year: 365 } as const;
type Unit = keyof typeof DAYS_PER_UNIT;

/** A bare number in this range, with no unit beside it, is read as an age ("I am 16, alone"). */
const BARE_AGE = [12, 17] as const;
/** How far a unit or an age word may be from its number ("3 long days", "17 years old"). */
const REACH = 2;
/** Words longer than this are no number, unit or city name: not worth a lookup. */
const MAX_WORD = 40;
/** What is left of a word after its preposition or case ending must be this long to be a place. */
const MIN_STEM = 3;

/**
 * Reads a text. Number, unit and age words are those of `langs` (the language the text is in
 * and the one the person chose): across all languages they collide - English "a" would be 1,
 * Turkish "on" 10, French "an" a year. Digits and city names count in every language.
 */
export type SlotReader = (text: string, langs?: readonly string[]) => Slots;

interface WordTable {
  numbers: Map<string, number>;
  units: Map<string, Unit>;
  /** Words and phrases that make a number an age ("years old", "i'm"). */
  ageWords: RunTable<true>;
  /** Time phrase -> days ago ("yesterday" -> 1). */
  relative: RunTable<number>;
}

function wordTable(data: Iterable<RoutingData>): WordTable {
  const table: WordTable = { numbers: new Map(), units: new Map(), ageWords: runTable(), relative: runTable() };
  for (const d of data) {
    for (const [word, value] of Object.entries(d.numbers)) {
      const key = normalize(word);
      if (key && !table.numbers.has(key)) table.numbers.set(key, value);
    }
    for (const unit of Object.keys(DAYS_PER_UNIT) as Unit[]) {
      for (const word of d.units[unit]) {
        const key = normalize(word);
        if (key && !key.includes(' ') && !table.units.has(key)) table.units.set(key, unit);
      }
    }
    // As whole phrases: "i'm" is "i m", and "i" alone makes no age ("I need a place": not 1 year old).
    for (const word of d.age) {
      const key = normalize(spaced(word));
      if (key) addRun(table.ageWords, key, true);
    }
    for (const [phrase, days] of Object.entries(d.relative)) {
      const key = normalize(spaced(phrase));
      if (key) addRun(table.relative, key, days);
    }
  }
  return table;
}

/** Names of places, normalised -> what they name ("den haag" is a run of two words). */
type PlaceTable = RunTable<Place>;
interface Place {
  kind: 'city' | 'country';
  id: string;
}

function placeTable(entries: Iterable<readonly [Place, string]>): PlaceTable {
  const table = runTable<Place>();
  for (const [place, name] of entries) {
    const key = normalize(spaced(name.replace(/\(.*?\)/g, ' ')));
    // Two letters are no name: once vowels are folded, Tigrinya "ሕጊ" (law) is "ሄግ" (The Hague).
    if (key && key.length >= MIN_STEM) addRun(table, key, place);
  }
  return table;
}

function* placeNames(data: RoutingData, keep: (name: string) => boolean = () => true): Generator<readonly [Place, string]> {
  for (const [id, names] of Object.entries(data.cities)) for (const name of names) if (keep(name)) yield [{ kind: 'city', id }, name];
  for (const [id, names] of Object.entries(data.countries)) for (const name of names) if (keep(name)) yield [{ kind: 'country', id }, name];
}

/**
 * @param routing every language's reading rules
 * @param cityNames display names of the cities (always read, in any language)
 * @param shared whether a spelling from one language's list is safe to read in every language
 *   ("gente" is a Turkish spelling of Ghent but Portuguese for "people"); a language's own
 *   spellings are always read in texts of that language
 */
export function createSlotReader(routing: ReadonlyMap<string, RoutingData>, cityNames: CityNames, shared: (name: string) => boolean = () => true): SlotReader {
  const byLang = new Map([...routing].map(([lang, data]) => [lang, wordTable([data])]));
  const tableFor = new Map<string, WordTable>();
  const everywhere = placeTable(
    (function* () {
      for (const [id, names] of Object.entries(cityNames)) for (const name of names) yield [{ kind: 'city', id }, name] as const;
      for (const data of routing.values()) yield* placeNames(data, shared);
    })(),
  );
  const ownPlaces = new Map([...routing].map(([lang, data]) => [lang, placeTable(placeNames(data))]));
  const affixes = new Map(
    [...routing].map(([lang, data]) => [lang, { prefixes: data.placePrefixes.map((a) => normalize(a)).filter(Boolean), suffixes: data.placeSuffixes.map((a) => normalize(a)).filter(Boolean) }]),
  );

  return (text: string, langs: readonly string[] = []): Slots => {
    const known = langs.filter((l) => byLang.has(l));
    const key = known.join(' ');
    let table = tableFor.get(key);
    if (!table) tableFor.set(key, (table = wordTable(known.map((l) => routing.get(l)!))));
    const { numbers, units, ageWords, relative } = table;
    const numberOf = (w: string): number | undefined => (/^\d{1,4}$/.test(w) ? Number(w) : numbers.get(w));
    const words = normalize(spaced(text))
      .split(' ')
      .filter((w) => w.length > 0 && w.length <= MAX_WORD);
    /** An age word or phrase starts at word j, or ends there ("i m 17", "17 years old"). */
    const ageWordAt = (j: number): boolean => {
      for (let length = 1; length <= ageWords.longest; length++) {
        if (ageWords.values.has(words.slice(j, j + length).join(' '))) return true;
        if (length > 1 && j - length + 1 >= 0 && ageWords.values.has(words.slice(j - length + 1, j + 1).join(' '))) return true;
      }
      return false;
    };
    const ages: number[] = [];
    const days: number[] = [];
    const used = new Set<number>();
    // Time words first ("the day before yesterday"): their unit words are theirs, not "a day".
    eachRun(
      words,
      [relative],
      (run) => relative.values.get(run),
      (ago, from, length) => {
        days.push(ago);
        for (let j = from; j < from + length; j++) used.add(j);
      },
    );
    words.forEach((w, i) => {
      if (used.has(i)) return;
      let n = numberOf(w);
      if (n === undefined) return;
      // Chinese numbers are written digit by digit: 十六 = 16, 二十三 = 23.
      if (/\p{Script=Han}/u.test(w)) {
        const digits = [n];
        for (let j = i + 1; words[j] && /\p{Script=Han}/u.test(words[j]!) && numberOf(words[j]!) !== undefined; j++) {
          digits.push(numberOf(words[j]!)!);
          used.add(j);
        }
        n = hanNumber(digits);
      }
      let unit: Unit | undefined;
      let aged = false;
      for (let d = 1; d <= REACH; d++) {
        for (const j of [i + d, i - d]) {
          const near = words[j];
          if (near === undefined || used.has(j)) continue;
          // A unit of two Chinese characters (个月) was cut in two.
          const pair = j > i && words[j + 1] && /\p{Script=Han}/u.test(near) ? near + words[j + 1] : undefined;
          if (!unit && (units.has(near) || (pair && units.has(pair)))) {
            unit = units.get(near) ?? units.get(pair!);
            used.add(j);
          }
          if (ageWordAt(j)) aged = true;
        }
      }
      // "17 ans", "17 jaar", "17 лет": the year word is both an age and a duration. A word for one
      // is mostly an article ("I am a woman", "je suis une femme"): an age only with its unit.
      const article = n === 1 && !/\d/.test(w);
      if ((aged && !article) || (unit === 'year' && n <= 120)) ages.push(n);
      if (unit) days.push(n * DAYS_PER_UNIT[unit]);
      else if (!aged && n >= BARE_AGE[0] && n <= BARE_AGE[1] && !/^\d{3,}$/.test(w)) ages.push(n);
    });
    // A unit without a number is one of it: "a week ago", "last month". Not a Chinese character
    // read alone: 天 is also in 冬天 (winter) and 天气 (weather), 年 in 未成年 (under age); "last
    // month" in Chinese is a time word (上个月).
    words.forEach((w, i) => {
      if (used.has(i) || !units.has(w) || /\p{Script=Han}/u.test(w)) return;
      const before = words[i - 1];
      if (before !== undefined && numberOf(before) !== undefined) return;
      days.push(DAYS_PER_UNIT[units.get(w)!]);
    });
    // Places: the text's languages' own spellings first, then those read everywhere; a word may
    // carry a preposition or a case ending of its language ("بلاهاي", "Gent'te", "በጌንት").
    const tables = [...known.map((l) => ownPlaces.get(l)!), everywhere];
    const prefixes = known.flatMap((l) => affixes.get(l)!.prefixes);
    const suffixes = known.flatMap((l) => affixes.get(l)!.suffixes);
    const exact = (run: string): Place | undefined => {
      for (const t of tables) {
        const place = t.values.get(run);
        if (place) return place;
      }
      return undefined;
    };
    // Affixes are tried on single words only: a long message costs one pass, not one per ending.
    const lookup = (run: string, single: boolean): Place | undefined => {
      const found = exact(run);
      if (found || !single) return found;
      for (const a of prefixes) {
        const place = run.length - a.length >= MIN_STEM && run.startsWith(a) ? exact(run.slice(a.length)) : undefined;
        if (place) return place;
      }
      for (const a of suffixes) {
        const place = run.length - a.length >= MIN_STEM && run.endsWith(a) ? exact(run.slice(0, -a.length)) : undefined;
        if (place) return place;
      }
      return undefined;
    };
    const found: string[] = [];
    const countries: string[] = [];
    eachRun(words, tables, lookup, (place) => {
      const list = place.kind === 'city' ? found : countries;
      if (!list.includes(place.id)) list.push(place.id);
    });
    return { ages, days, cities: found, countries };
  };
}

/**
 * Digits glued to letters ("17ans", "3dagen") are two words; Chinese, written without spaces,
 * is read a character at a time ("出生10天前" -> 出 生 10 天 前), text and city names alike.
 */
function spaced(text: string): string {
  return text.replace(/(\p{Nd})(?=\p{L})|(\p{L})(?=\p{Nd})/gu, '$1$2 ').replace(/\p{Script=Han}/gu, ' $& ');
}

/** 十六 -> [10, 6] -> 16; 二十三 -> [2, 10, 3] -> 23. */
function hanNumber(digits: readonly number[]): number {
  let total = 0;
  let digit = 0;
  for (const v of digits) {
    if (v === 10) {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = v;
  }
  return total + digit;
}
