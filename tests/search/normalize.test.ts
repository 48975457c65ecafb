import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/search/normalize.ts';
import { tokenize, makeHanDictionary } from '../../src/search/tokenize.ts';
import { skeleton } from '../../src/search/skeleton.ts';

const same = (a: string, b: string) => expect(normalize(a)).toBe(normalize(b));

describe('normalize', () => {
  it('folds alef forms (hamza above/below, madda, wasla) to bare alef', () => {
    for (const v of ['أمل', 'إمل', 'آمل', 'ٱمل']) same(v, 'امل');
    expect(normalize('أ')).toBe('ا');
  });

  it('unifies Arabic and Persian yeh and kaf', () => {
    same('كيف', 'کیف');
    same('مستشفى', 'مستشفی');
    expect(normalize('ي')).toBe('ی');
    expect(normalize('ك')).toBe('ک');
  });

  it('folds teh marbuta to heh', () => {
    same('مدرسة', 'مدرسه');
  });

  it('drops tatweel and harakat', () => {
    expect(normalize('مـــدرسة')).toBe('مدرسه');
    expect(normalize('مَدْرَسَةٌ')).toBe('مدرسه');
    same('شُرْطَة', 'شرطه');
  });

  it('splits a Dutch word off an Arabic article or an Amharic preposition written onto it', () => {
    expect(normalize('الIND')).toBe('ind');
    expect(normalize('عند الjuridisch loket')).toBe(normalize('عند juridisch loket'));
    expect(normalize('ከapotheek').split(' ')).toEqual([normalize('ከ'), 'apothek']);
  });

  it('drops the Arabic article so "الشرطة" meets "شرطة"', () => {
    same('الشرطة', 'شرطة');
  });

  it('reads Arabizi digits inside Latin words, and keeps numbers', () => {
    expect(normalize('ma3i')).toBe('mai');
    expect(normalize('7amil')).toBe('hamil');
    expect(normalize('5alas')).toBe('khalas');
    expect(normalize('mo7ami')).toBe('mohami');
    expect(normalize('2night')).toBe('night');
    expect(normalize('call 112')).toBe('cal 112');
  });

  it('reads Arabic-Indic and Persian digits as digits', () => {
    expect(normalize('١١٢')).toBe('112');
    expect(normalize('۱۱۲')).toBe('112');
  });

  it('collapses repeated letters on both sides', () => {
    expect(normalize('heeelllooo')).toBe('helo');
    same('sleeeeep', 'sleep');
    same('شكرااااا', 'شكرا');
  });

  it('removes accents and case', () => {
    expect(normalize('Médecin')).toBe('medecin');
    expect(normalize('Türkçe İSTANBUL')).toBe('turkce istanbul');
    expect(normalize('ĞÜŞIÇÖ ı')).toBe('gusico i');
    same('Straße', 'strasse');
    same('régularisation', 'regularisation');
  });

  it('turns punctuation, symbols and emoji into word breaks', () => {
    expect(normalize('🏠 help!!! 😭😭')).toBe('help');
    expect(normalize('doctor?؟ ፣ሓኪም።')).toBe(`doctor ${normalize('ሓኪም')}`);
    expect(normalize('')).toBe('');
    expect(normalize('👍')).toBe('');
  });

  it('removes zero-width and bidi characters', () => {
    expect(normalize('po\u200Bli\u200Dce\u200E')).toBe('police');
    expect(normalize('\uFEFF\u202Bسلام\u202C')).toBe('سلام');
  });

  it('treats the Persian present prefix the same joined, with ZWNJ or with a space', () => {
    same('می‌خواهم', 'می خواهم');
    same('میخواهم', 'می خواهم');
    // but not words that only start like it
    expect(normalize('میلاد')).toBe('میلاد');
  });

  it('folds Ethiopic syllables to their consonant so inflections meet', () => {
    same('ሓኪም', 'ሐኪም');
    same('ሕክምና', 'ሐኪምና');
    expect(normalize('ሕክምና')).toBe('ሀከመነ');
    // Tigrinya letters typed with an Amharic keyboard
    same('ወረቐት', 'ወረቀት');
  });

  it('keeps two Ethiopic syllables that fold to one consonant: "to die" is not "evening"', () => {
    expect(normalize('መሞት')).not.toBe(normalize('ማታ'));
  });

  it('keeps the Ukrainian apostrophe inside the word', () => {
    expect(normalize("чоловік б'є")).toBe('чоловік бє');
  });
});

describe('tokenize', () => {
  it('cuts Chinese into the longest words the vocabulary knows', () => {
    const dict = makeHanDictionary(['医生', '看医生', '我', '需要']);
    expect(tokenize(normalize('我需要看医生'), dict)).toEqual(['我', '需要', '看医生']);
    expect(tokenize(normalize('我需要看医生'))).toEqual(['我需要看医生']);
  });

  it('splits mixed Han and Latin words', () => {
    expect(tokenize('bsn号码', makeHanDictionary(['号码']))).toEqual(['bsn', '号码']);
  });
});

describe('skeleton', () => {
  it('lets romanised Arabic and Persian meet the Arabic script', () => {
    expect(skeleton(normalize('mareed'))).toBe(skeleton(normalize('مريض')));
    expect(skeleton(normalize('doktor'))).toBe(skeleton(normalize('دکتر')));
    expect(skeleton(normalize('madrese'))).toBe(skeleton(normalize('مدرسه')));
    expect(skeleton(normalize('police'))).not.toBe(skeleton(normalize('مدرسه')));
  });
});
