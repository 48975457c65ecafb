/**
 * i18next, set up for content written by volunteers: flat keys (dots are literal, so
 * screen ids can be keys), English as the fallback for anything not translated yet, and
 * no HTML escaping (texts carry Telegram HTML; interpolated values are escaped by the
 * engine where they come from data).
 */
import i18next, { type i18n } from 'i18next';
import { LRUCache } from 'lru-cache';

export interface Translator {
  /** The text in `lang`, else English, else the key itself (never empty, never throws). */
  (lang: string, ns: string, key: string, vars?: Record<string, string | number>): string;
  /** Whether `lang` itself has a text for the key (the English fallback does not count). */
  hasOwn(lang: string, ns: string, key: string): boolean;
  /** Whether the key resolves to a text at all: in `lang`, or in the English fallback. */
  resolves(lang: string, ns: string, key: string): boolean;
  readonly i18n: i18n;
}

export function createTranslator(resources: ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<string, string>>>>, namespaces: string[]): Translator {
  const res: Record<string, Record<string, Record<string, string>>> = {};
  for (const [lang, byNs] of resources) res[lang] = Object.fromEntries(byNs);
  const instance = i18next.createInstance();
  void instance.init({
    resources: res,
    lng: 'en',
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'common',
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    returnNull: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);

  const fixed = new Map<string, ReturnType<i18n['getFixedT']>>();
  // Content never changes while the bot runs, so a text resolved once is resolved for good.
  // i18next spends 20-35 us per t() call; a screen needs ~20 of them. Variables come from
  // content and data (city names, dates, numbers): all texts of all languages with their
  // variants are ~10,000 entries, so the bound keeps them all and stays a few MB.
  const resolved = new LRUCache<string, string>({ max: 20_000 });
  const translate = ((lang, ns, key, vars) => {
    const memo = `${lang}\0${ns}\0${key}${vars ? `\0${JSON.stringify(vars)}` : ''}`;
    const hit = resolved.get(memo);
    if (hit !== undefined) return hit;
    let t = fixed.get(`${lang}\0${ns}`);
    if (!t) {
      t = instance.getFixedT(lang, ns);
      fixed.set(`${lang}\0${ns}`, t);
    }
    const text = String(t(key, vars ?? {}));
    resolved.set(memo, text);
    return text;
  }) as Translator;
  translate.hasOwn = (lang, ns, key) => Boolean(resources.get(lang)?.get(ns)?.[key]);
  translate.resolves = (lang, ns, key) => translate.hasOwn(lang, ns, key) || translate.hasOwn('en', ns, key);
  Object.defineProperty(translate, 'i18n', { value: instance });
  return translate;
}
