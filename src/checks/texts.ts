/** The texts: English whole, translations counted and true to their placeholders, valid Telegram HTML, screens short enough for a phone, desk sentences discreet. */
import { readSources, statusOf } from '../i18n/sources.ts';
import { validateTelegramHtml } from '../content/telegram-html.ts';
import { isButtonLabel, MAX_BUTTON_LABEL, MAX_SCREEN_TEXT, placeholders, SCREEN_PARTS, screenTextLength, textLength } from '../content/text-rules.ts';
import { FACT_STATUSES } from '../content/schema.ts';
import type { ContentCheck } from './context.ts';

/** Words in a desk language (Dutch) that tell a clerk the person has no residence permit. */
const STATUS_WORDS = /verblijfsvergunning|papieren|wettig verblijf|rechtmatig verblijf|ongedocumenteerd|verblijfsstatus|onverzekerbare vreemdeling|illegaal/i;

export const translations: ContentCheck = {
  name: 'English is whole; other languages are counted, complete ones complete, placeholders kept',
  run({ content, err, warn, missing, outdated }) {
    // ---- texts: English is the source and must be whole; others are counted
    const en = content.resources.get('en');
    for (const [id, screen] of content.screens) {
      for (const key of ['button', 'text']) {
        if (!content.t.hasOwn('en', screen.flow, `${id}.${key}`)) err(`locales/en/${screen.flow}.json`, `${id}.${key}`, 'missing: every screen needs this text in English');
      }
    }
    // Every status a fact can have but "confirmed" is said on the answer, in a line of its own.
    for (const status of FACT_STATUSES) {
      if (status !== 'confirmed' && !content.t.hasOwn('en', 'common', `status.${status}`))
        err('locales/en/common.json', `status.${status}`, `missing: answers with a ${status} fact say so in this line`);
    }
    for (const service of content.services.values()) {
      if (!content.t.hasOwn('en', service.namespace, `service.${service.id}`)) warn(`locales/en/${service.namespace}.json`, `service.${service.id}`, 'no description for this service');
    }
    for (const lang of content.languages) {
      if (lang.code === 'en') continue;
      let count = 0;
      let stale = 0;
      const sources = readSources(content.rootDir, lang.code);
      const mine = content.resources.get(lang.code);
      for (const [ns, keys] of en ?? []) {
        for (const key of Object.keys(keys)) {
          const text = mine?.get(ns)?.[key];
          if (!text) {
            count++;
            if (lang.complete) err(`locales/${lang.code}/${ns}.json`, key, `missing translation (${lang.english} is marked complete)`);
            continue;
          }
          if (statusOf(keys[key]!, text, sources[`${ns}:${key}`]) === 'outdated') {
            stale++;
            if (lang.complete) warn(`locales/${lang.code}/${ns}.json`, key, 'outdated: the English text changed since this was translated');
          }
          const want = placeholders(keys[key]!);
          const got = placeholders(text);
          if (want.join() !== got.join()) err(`locales/${lang.code}/${ns}.json`, key, `placeholders differ from English: expected ${want.join(', ') || 'none'}, found ${got.join(', ') || 'none'}`);
        }
      }
      missing.set(lang.code, count);
      outdated.set(lang.code, stale);
    }
  },
};

export const deskSentences: ContentCheck = {
  name: 'a desk sentence says nothing about papers before anyone asks',
  run({ content, err }) {
    // ---- a desk sentence never says the person has no papers before anyone asks: that
    // belongs in .deskIfAsked ("Only if they ask about your papers")
    const deskLanguages = new Set([...content.countries.values()].map((c) => c.deskLanguage));
    for (const lang of deskLanguages) {
      for (const [id, screen] of content.screens) {
        const key = `${id}.desk`;
        if (!content.t.resolves(lang, screen.flow, key)) continue;
        const said = STATUS_WORDS.exec(content.t(lang, screen.flow, key));
        if (said) err(`locales/${lang}/${screen.flow}.json`, key, `the desk sentence says "${said[0]}" before anyone asks about papers: put that in ${id}.deskIfAsked`);
      }
    }
  },
};

export const telegramHtml: ContentCheck = {
  name: 'every text is valid Telegram HTML, button labels fit a phone',
  run({ content, err, warn }) {
    // ---- every text is valid Telegram HTML
    for (const [lang, byNs] of content.resources) {
      for (const [ns, keys] of byNs) {
        for (const [key, text] of Object.entries(keys)) {
          const problem = validateTelegramHtml(text);
          if (problem) err(`locales/${lang}/${ns}.json`, key, `not valid Telegram HTML: ${problem}`);
          if (isButtonLabel(key) && textLength(key, text) > MAX_BUTTON_LABEL) warn(`locales/${lang}/${ns}.json`, key, `button label longer than ${MAX_BUTTON_LABEL} characters: phones cut it off`);
        }
      }
    }
  },
};

export const screenLength: ContentCheck = {
  name: 'the prose of every screen is short enough for a phone',
  run({ content, err }) {
    // ---- the prose of every screen, in every language, short enough for a phone
    for (const lang of content.languages) {
      for (const [id, screen] of content.screens) {
        const length = screenTextLength(SCREEN_PARTS.map((k) => (content.t.resolves(lang.code, screen.flow, `${id}.${k}`) ? content.t(lang.code, screen.flow, `${id}.${k}`) : undefined)));
        if (length > MAX_SCREEN_TEXT) {
          err(`locales/${lang.code}/${screen.flow}.json`, id, `screen text is ${length} characters (${SCREEN_PARTS.join(' + ')}); keep it under ${MAX_SCREEN_TEXT} or split it into a "more" screen`);
        }
      }
    }
  },
};
