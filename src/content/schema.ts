/**
 * The shape of every content file, as zod schemas.
 *
 * Volunteers edit flows/, locales/ and data/ by hand; these schemas are what turns a typo
 * into a precise message ("flows/shelter.yaml: screens[3].options[1]: ...") instead of a
 * crash at 3 a.m. Keep the messages plain: the reader may not be a programmer.
 */
import { z } from 'zod';

/** Screen and service ids travel inside 64-byte callback_data, so they stay short ASCII. */
export const SCREEN_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
export const MAX_SCREEN_ID_BYTES = 40;
export const SERVICE_ID = /^[a-z][a-z0-9-]*$/;

const screenId = z
  .string()
  .regex(SCREEN_ID, 'use lower-case letters, digits, "-" and "." only, e.g. shelter.tonight')
  .max(MAX_SCREEN_ID_BYTES, `keep screen ids at most ${MAX_SCREEN_ID_BYTES} characters (they travel inside buttons)`);

/** "2026-03" or "2026-03-05": the day someone last checked a fact against its source. */
const checkedDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'write the checked date as YYYY-MM or YYYY-MM-DD');

const url = z.url({ message: 'must be a full web address starting with https://' });

// ---------------------------------------------------------------- languages

export const languageSchema = z.strictObject({
  code: z.string().regex(/^[a-z]{2,3}$/, 'use the i18next code, e.g. "ar" or "ckb"'),
  /** The language's name in itself: what a person looks for in the picker. */
  name: z.string().min(1),
  /** The name in English, for maintainers and tooling. */
  english: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  /** reviewed: a fluent person read every screen. machine: nobody has yet. */
  status: z.enum(['reviewed', 'machine']),
  /** complete: content:check fails on any missing key in this language. */
  complete: z.boolean(),
  /** Telegram language_code values (IETF tags) that pre-select this language. */
  telegram: z.array(z.string().min(2)).default([]),
});
export type Language = z.infer<typeof languageSchema>;
export const languagesFileSchema = z.array(languageSchema).min(1);

// ---------------------------------------------------------------- places

export const countrySchema = z.strictObject({
  id: z.string().regex(/^[a-z]{2}$/, 'use the two-letter country code, e.g. nl'),
  /** Language of the desk: "show this at the desk" sentences are shown in it. */
  deskLanguage: z.string(),
  emergencyNumber: z.string().regex(/^\d{3}$/),
  source: url,
  checked: checkedDate,
});
export type Country = z.infer<typeof countrySchema>;

export const citySchema = z.strictObject({
  id: z.string().regex(SERVICE_ID),
  /** 2-4 letters, used inside buttons where every byte counts. */
  code: z.string().regex(/^[a-z0-9]{2,4}$/, 'use 2-4 lower-case letters or digits'),
  country: z.string(),
  /** The "another town" choice of a country: it shows only national services. */
  other: z.boolean().default(false),
  /** Rough centre, used once (in memory) to suggest a city from a shared location. */
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});
export type City = z.infer<typeof citySchema>;

export const placesFileSchema = z.strictObject({
  countries: z.array(countrySchema).min(1),
  cities: z.array(citySchema).min(1),
});

// ---------------------------------------------------------------- facts and services

/**
 * A fact that can change: a rule, a policy, a scheme. The sentence people read lives in
 * locales/; this record says where it comes from and how sure we are.
 */
/**
 * How sure a fact or a service's details are. Every status but the first is said on the answer,
 * in this order, with its line `status.<name>` from locales/<lang>/common.json: pending (not law
 * yet), disputed (sources disagree), changed (recently changed). A new status is a name here and
 * that line in every language (content:check asks for the English one).
 */
export const FACT_STATUSES = ['confirmed', 'pending', 'disputed', 'changed'] as const;
const factStatus = z.enum(FACT_STATUSES).default('confirmed');

export const factSchema = z.strictObject({
  id: z.string().regex(SERVICE_ID),
  /** One line in English for maintainers: what the source says. */
  claim: z.string().min(1),
  source: url,
  /** Optional second source, e.g. when a fact is disputed. */
  source2: url.optional(),
  checked: checkedDate,
  status: factStatus,
});
export type Fact = z.infer<typeof factSchema>;

/**
 * An organisation or service. Contact details only where a source confirms them: never
 * invent a phone number, address or opening hour - leave it out and link the website.
 */
export const serviceSchema = z.strictObject({
  id: z.string().regex(SERVICE_ID),
  /** Proper name, not translated. */
  name: z.string().min(1),
  /** Where it serves: city ids, or country ids for a national service. */
  area: z.array(z.string()).min(1),
  website: url.optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 -]{2,18}$/, 'write the phone number with digits, spaces or "-" only')
    .optional(),
  /** Free of charge to call? Shown as a small note beside the number. */
  phoneFree: z.boolean().optional(),
  email: z.email().optional(),
  address: z.string().optional(),
  /** Opening hours as the source gives them (local language). */
  hours: z.string().optional(),
  source: url,
  checked: checkedDate,
  status: factStatus,
});
export type Service = z.infer<typeof serviceSchema>;

export const factsFileSchema = z.array(factSchema);
export const servicesFileSchema = z.array(serviceSchema);

// ---------------------------------------------------------------- flows

/** An option: a link to another screen, optionally only in some countries or cities. */
const optionSchema = z.union([
  screenId,
  z.strictObject({
    to: screenId,
    countries: z.array(z.string()).optional(),
    cities: z.array(z.string()).optional(),
  }),
]);

export const answerSchema = z.strictObject({
  /** Services shown as cards, filtered to the person's city and country. */
  services: z.array(z.string().regex(SERVICE_ID)).default([]),
  /** Facts this answer rests on: their sources and checked dates are shown. */
  facts: z.array(z.string().regex(SERVICE_ID)).default([]),
  /** Ask for the city first when the answer depends on it. */
  needsCity: z.boolean().default(false),
});

/** Where an option leads: an option is a screen id, or an object with `to`. */
export function optionTarget(option: string | { to: string }): string {
  return typeof option === 'string' ? option : option.to;
}

/** Screens the engine draws itself (menu, pickers, help, privacy); flows may not use these ids. */
export const ENGINE_SCREEN_IDS = ['home', 'lang', 'city', 'help', 'privacy'] as const;

export const screenSchema = z.strictObject({
  id: screenId,
  /** Only in these countries (e.g. a Belgian-only scheme). */
  countries: z.array(z.string()).optional(),
  options: z.array(optionSchema).max(6, 'at most 6 options on one screen (plus the navigation row)').default([]),
  answer: answerSchema.optional(),
  /**
   * In the emergency topic, words typed for a screen count as danger (the emergency screen
   * opens at once). `urgent: false` says a screen there is help, not danger (a child
   * helpline, the police's non-urgent number): its words are routed like any other.
   */
  urgent: z.boolean().optional(),
  /**
   * What typed text must say for this option to apply, so one sentence can go down the tree
   * ("I am 16" -> the under-18 screen, "born 10 days ago" -> the late-report screen): an age
   * in years, or a time since something in days, each as an inclusive [from, to] range.
   */
  when: z
    .strictObject({
      age: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
      days: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
    })
    .optional(),
  /**
   * A menu's option for the person the text does not describe further, offered first when typed
   * text reaches the menu without deciding ("no bed tonight in Groningen" -> the screen for an
   * adult alone); the menu is offered beside it, so its question still gets asked.
   */
  ifUndecided: screenId.optional(),
});
export type ScreenDef = z.infer<typeof screenSchema>;

/** A topic is a flow: its id is the flow's (flows/<id>.yaml), so a new topic is a new file, not code. */
export type TopicId = string;

export const flowSchema = z.strictObject({
  id: z.string().regex(SERVICE_ID),
  /** Where in the main menu (lower first). */
  order: z.number().int(),
  /** The first screen of the flow; its id must equal the flow id. */
  start: screenId,
  screens: z.array(screenSchema).min(1),
});
export type FlowDef = z.infer<typeof flowSchema>;

/** A locale namespace file: flat keys to strings (i18next with keySeparator off). */
export const namespaceSchema = z.record(z.string(), z.string());
/** Free-text routing vocabulary: topic or screen id -> phrases people type. */
export const keywordsSchema = z.record(z.string(), z.array(z.string().min(1)));

/**
 * How a language says numbers, time units, ages and city names (`locales/<code>/routing.json`),
 * so typed text can be read for "17 ans", "٣ أيام", "vijf dagen", "Гаага" without code per language.
 */
export const routingSchema = z.strictObject({
  /**
   * Pronouns, articles, prepositions, auxiliaries, "need", "please", question words: they carry
   * no topic, so they only complete a phrase, and they are good evidence of the language.
   * Written as typed (accents, native script, romanised forms); normalised when read.
   */
  functionWords: z.array(z.string().min(1)).default([]),
  /** Negations are never ignored: "I don't want to live" is danger, "not urgent" is not an emergency. */
  negations: z.array(z.string().min(1)).default([]),
  /** Negations that follow what they negate ("acil değil"); also in `negations`. */
  negationsAfter: z.array(z.string().min(1)).default([]),
  /** People also type this language in Latin letters (Arabizi, Finglish): Latin words may be its. */
  romanised: z.boolean().default(false),
  /**
   * The scripts the language is written in: "latin", "arabic", "ethiopic", "cyrillic" or "han".
   * A text is only taken for a language of its script. Latin letters of a `romanised` language
   * come from `romanised`: do not list "latin" for it too.
   */
  scripts: z.array(z.string().min(1)).default([]),
  /**
   * Where the language stands among the languages of the same script, lower first: a text in
   * that script with nothing else to tell is taken for the first one (Latin: English), and equal
   * evidence goes to the earlier language. Without it, after those that have one.
   */
  scriptOrder: z.number().optional(),
  /**
   * Letters that tell this language from the others of its script, and how much each one found
   * in a text counts: `letters` (any of these characters) or `pattern` (a regular expression,
   * for a letter in a place, such as "ئ(?=\\s|$)" at the end of a word); `ignoreCase` for both cases.
   */
  letterHints: z
    .array(
      z.strictObject({
        letters: z.string().min(1).optional(),
        pattern: z.string().min(1).optional(),
        ignoreCase: z.boolean().optional(),
        weight: z.number().positive(),
      }),
    )
    .default([]),
  /** Number words as typed -> value ("vijf": 5, "три": 3). */
  numbers: z.record(z.string().min(1), z.number().int().min(0).max(1000)).default({}),
  /** Every form of each time unit ("dag", "dagen"). */
  units: z
    .strictObject({
      day: z.array(z.string().min(1)).default([]),
      week: z.array(z.string().min(1)).default([]),
      month: z.array(z.string().min(1)).default([]),
      year: z.array(z.string().min(1)).default([]),
    })
    .default({ day: [], week: [], month: [], year: [] }),
  /** Words that mark an age beside a number ("years old", "ans", "лет"). */
  age: z.array(z.string().min(1)).default([]),
  /** City id (data/places.yaml) -> the ways this language writes it. */
  cities: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Country id (data/places.yaml) -> the ways this language writes it ("Belçika", "بلجيكا"). */
  countries: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Prepositions written on a place name ("ب" in "بلاهاي", "በ" in "በጌንት"). */
  placePrefixes: z.array(z.string().min(1)).default([]),
  /** Case endings on a place name ("te" in "Gent'te", "da" in "Amsterdamda"). */
  placeSuffixes: z.array(z.string().min(1)).default([]),
  /**
   * Words and phrases that only say "hurry" ("urgent", "asap", "spoed", "عاجل"). They are read
   * past when the rest of the text names a subject ("URGENT: free Dutch lessons?"), so they open
   * no emergency screen by themselves; a text of nothing else still gets the emergency menu.
   */
  urgency: z.array(z.string().min(1)).default([]),
  /** Time words that mean a number of days ago ("yesterday": 1, "eergisteren": 2, "last week": 7). */
  relative: z.record(z.string().min(1), z.number().int().min(0).max(3650)).default({}),
});
export type RoutingData = z.infer<typeof routingSchema>;
