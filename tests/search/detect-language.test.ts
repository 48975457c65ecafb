import { describe, expect, it } from 'vitest';
import { guessLanguage, languageHints, letterHintPattern, letterHintProblem, type WritingData } from '../../src/search/detect-language.ts';
import { vocabularyOf } from '../../src/search/vocabulary.ts';
import { realContent, realRouter } from './helpers.ts';

const ALL = ['en', 'nl', 'ar', 'fa', 'ps', 'ckb', 'ti', 'am', 'so', 'fr', 'es', 'pt', 'tr', 'ru', 'uk', 'zh'];
/** The scripts, script order and letter hints of locales/<code>/routing.json. */
const real = () => {
  const vocab = vocabularyOf(realContent());
  return languageHints(ALL, vocab.writing, vocab.romanised);
};

describe('guessLanguage by script and distinctive letters (no vocabulary)', () => {
  const hints = real();
  const guess = (text: string, given?: string) => guessLanguage(text, hints, new Map(), given).lang;

  it('tells Pashto, Sorani, Persian and Arabic apart', () => {
    expect(guess('زه ډېر ناروغ یم')).toBe('ps'); // ډ ې
    expect(guess('ژر امبولانس راولئ')).toBe('ps'); // final ئ
    expect(guess('نەخۆشم')).toBe('ckb'); // ە ۆ
    expect(guess('دکتر می خواهم')).toBe('fa'); // ک ی
    expect(guess('پلیس')).toBe('fa'); // پ
    expect(guess('أريد طبيب')).toBe('ar'); // ي
    expect(guess('النجدة')).toBe('ar'); // ة, al-
  });

  it('tells Ukrainian from Russian', () => {
    expect(guess('потрібен лікар')).toBe('uk');
    expect(guess('мне нужны документы, объясните')).toBe('ru');
  });

  it('recognises Chinese and Turkish, Spanish, Portuguese letters', () => {
    expect(guess('我需要医生')).toBe('zh');
    expect(guess('sokakta yatıyorum')).toBe('tr');
    expect(guess('niño enfermo')).toBe('es');
    expect(guess('não tenho casa')).toBe('pt');
    expect(guess('ma3andi bet')).toBe('ar');
  });

  it('falls back to the chosen language when the text gives no evidence', () => {
    expect(guessLanguage('👍', hints, new Map(), 'ti')).toEqual(expect.objectContaining({ lang: 'ti', evidence: false }));
    expect(guessLanguage('ok', hints, new Map(), 'so').lang).toBe('so');
    expect(guessLanguage('', hints).lang).toBeNull();
  });

  it('uses vocabulary evidence when letters do not decide', () => {
    expect(guessLanguage('ፖሊስ', hints, new Map([['am', 2]])).lang).toBe('am');
    expect(guessLanguage('ፖሊስ', hints, new Map([['ti', 2]])).lang).toBe('ti');
    expect(guessLanguage('politie', hints, new Map([['nl', 1]])).lang).toBe('nl');
  });
});

describe("script and letter hints come from each language's routing.json", () => {
  it("takes each script's languages in script order, romanised languages in Latin after the others", () => {
    const hints = real();
    expect(hints.byScript.get('latin')).toEqual(['en', 'nl', 'fr', 'es', 'pt', 'tr', 'so', 'ar', 'fa', 'ps', 'ckb']);
    expect(hints.byScript.get('arabic')).toEqual(['ar', 'fa', 'ps', 'ckb']);
    expect(hints.byScript.get('ethiopic')).toEqual(['ti', 'am']);
    expect(hints.byScript.get('cyrillic')).toEqual(['ru', 'uk']);
    expect(hints.byScript.get('han')).toEqual(['zh']);
  });

  it('defaults a text of a script to its first language, and gives a tie to the earlier one', () => {
    expect(guessLanguage('ሰላም', real()).lang).toBe('ti');
    expect(guessLanguage('سلام', real()).lang).toBe('ar');
    // Turkish and Somali with the same evidence: Turkish comes first among Latin languages.
    const tie = new Map([
      ['so', 1],
      ['tr', 1],
    ]);
    expect(guessLanguage('ama', real(), tie).lang).toBe('tr');
    expect(guessLanguage('ama', real(), tie, 'so').lang).toBe('so');
  });

  it('reads made-up writing data: a new language needs no code', () => {
    const writing = new Map<string, WritingData>([
      ['en', { scripts: ['latin'], scriptOrder: 10, letterHints: [] }],
      ['de', { scripts: ['latin'], scriptOrder: 20, letterHints: [{ letters: 'äöüß', weight: 2 }] }],
      ['ar', { scripts: ['arabic'], letterHints: [{ pattern: '[a-z][2-9]', ignoreCase: true, weight: 1.5 }] }],
    ]);
    const hints = languageHints(['ar', 'de', 'en'], writing, new Set(['ar']));
    expect(hints.byScript.get('latin')).toEqual(['en', 'de', 'ar']);
    expect(guessLanguage('straße', hints).lang).toBe('de');
    expect(guessLanguage('strasse', hints)).toEqual(expect.objectContaining({ lang: 'en', evidence: false }));
    expect(guessLanguage('MA3ANDI', hints).lang).toBe('ar');
    expect([...guessLanguage('grüße aus köln', hints).scores]).toEqual([
      ['en', 0],
      ['de', 6],
      ['ar', 0],
    ]);
  });

  it('lets every language be written in every script without writing data (a made-up vocabulary)', () => {
    const hints = languageHints(['en', 'nl']);
    expect(hints.byScript.get('arabic')).toEqual(['en', 'nl']);
    expect(hints.letters).toEqual([]);
  });

  it('compiles letters as a set of characters and checks patterns', () => {
    expect('a-b]c^'.match(letterHintPattern({ letters: '-]^', weight: 1 }))).toEqual(['-', ']', '^']);
    expect(letterHintProblem({ pattern: 'ئ(?=\\s|$)', weight: 2 })).toBeUndefined();
    expect(letterHintProblem({ pattern: '[ab', weight: 1 })).toMatch(/^not a valid regular expression/);
    expect(letterHintProblem({ letters: 'ab', pattern: 'c', weight: 1 })).toBe('give either "letters" or "pattern"');
    expect(letterHintProblem({ weight: 1 })).toBe('give either "letters" or "pattern"');
    // A hint content:check refuses is left out rather than stopping the bot.
    expect(languageHints(['en'], new Map([['en', { scripts: ['latin', 'klingon'], letterHints: [{ pattern: '(', weight: 1 }] }]])).letters).toEqual([]);
  });
});

describe('language of a routed text (script, letters and vocabulary)', () => {
  const lang = (text: string, given?: string) => realRouter().route(text, given).lang;

  it('tells Tigrinya from Amharic by their words', () => {
    expect(lang('ሓኪም የድልየኒ')).toBe('ti');
    expect(lang('ቤት ትምህርቲ ንቆልዑ')).toBe('ti');
    expect(lang('ሐኪም እፈልጋለሁ')).toBe('am');
    expect(lang('ትምህርት ቤት ለልጆቼ')).toBe('am');
  });

  it('recognises romanised Arabic and Persian', () => {
    expect(lang('ana mareed w ma3i flous')).toBe('ar');
    expect(lang('doktor mikham lotfan')).toBe('fa');
  });

  it('recognises Latin-script languages by their words', () => {
    expect(lang('ik heb een dokter nodig')).toBe('nl');
    expect(lang('necesito un medico')).toBe('es');
    expect(lang('je dors dans la rue')).toBe('fr');
    expect(lang('daawo ayaan u baahanahay')).toBe('so');
    expect(lang('I need a doctor')).toBe('en');
  });

  it('tells Ukrainian from Russian by words without distinctive letters', () => {
    expect(lang('мене пограбували')).toBe('uk');
    expect(lang('меня ограбили')).toBe('ru');
  });

  it('keeps the chosen language when the text says nothing', () => {
    expect(lang('🙂', 'ti')).toBe('ti');
    expect(lang('112', 'fa')).toBe('fa');
  });
});
