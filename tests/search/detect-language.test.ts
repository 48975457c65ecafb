import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../src/search/detect-language.ts';
import { realRouter } from './helpers.ts';

const ALL = ['en', 'nl', 'ar', 'fa', 'ps', 'ckb', 'ti', 'am', 'so', 'fr', 'es', 'pt', 'tr', 'ru', 'uk', 'zh'];

describe('guessLanguage by script and distinctive letters (no vocabulary)', () => {
  const guess = (text: string, given?: string) => guessLanguage(text, ALL, new Map(), given).lang;

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
    expect(guessLanguage('👍', ALL, new Map(), 'ti')).toEqual(expect.objectContaining({ lang: 'ti', evidence: false }));
    expect(guessLanguage('ok', ALL, new Map(), 'so').lang).toBe('so');
    expect(guessLanguage('', ALL).lang).toBeNull();
  });

  it('uses vocabulary evidence when letters do not decide', () => {
    expect(guessLanguage('ፖሊስ', ALL, new Map([['am', 2]])).lang).toBe('am');
    expect(guessLanguage('ፖሊስ', ALL, new Map([['ti', 2]])).lang).toBe('ti');
    expect(guessLanguage('politie', ALL, new Map([['nl', 1]])).lang).toBe('nl');
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
