/**
 * One typed sentence reaches the answer: ages, durations and cities read in many languages,
 * the decision trees followed where the text decides, and danger without false alarms.
 */
import { describe, expect, it } from 'vitest';
import { createScreenChooser } from '../../src/search/choose-screen.ts';
import { createSlotReader } from '../../src/search/read-slots.ts';
import { step } from '../../src/engine/engine.ts';
import type { RouteResult } from '../../src/engine/types.ts';
import { inlineResults } from '../../src/channels/telegram/inline.ts';
import { realContent, realRouter } from './helpers.ts';

const slotReader = () => createSlotReader(realContent().routing, { 'den-haag': ['Den Haag'], gent: ['Gent'] });
/** Reads in the languages of the examples, as the bot does with the text's language. */
const reader = () => {
  const read = slotReader();
  return (text: string) => read(text, ['en', 'nl', 'fr', 'ar', 'ru', 'zh', 'es']);
};

describe('reading ages, durations and cities', () => {
  it('reads numbers in digits of any script and in words, with their unit', () => {
    const read = reader();
    expect(read('ابني ولد قبل ٣ أيام').days).toContain(3);
    expect(read('de baby is vijf dagen geleden geboren').days).toContain(5);
    expect(read('born 2 weeks ago').days).toContain(14);
    expect(read('宝宝10天前出生了').days).toContain(10);
    expect(read('bebe nacio hace un mes').days).toContain(30);
  });

  it('reads ages, in words and digits, glued or not', () => {
    const read = reader();
    expect(read("j'ai 17 ans").ages).toContain(17);
    expect(read('17ans et seul').ages).toContain(17);
    expect(read('мне 16 лет').ages).toContain(16);
    expect(read('我十六岁').ages).toContain(16);
    expect(read('I am 16 and alone').ages).toContain(16);
    expect(read("I'm 17").ages).toContain(17);
    expect(read('he is 2 y o').ages).toContain(2);
    // A word of an age phrase is no age word alone: "I" of "I'm", so "a" here is no age of 1.
    expect(read('I need a place to sleep').ages).toEqual([]);
    // A word for one is mostly an article: an age only with its unit.
    expect(read('I am a woman alone').ages).toEqual([]);
    expect(read('je suis une femme seule').ages).toEqual([]);
    expect(read('my baby is a year old').ages).toContain(1);
    // A bare number that is no age or time.
    expect(read('bus 300 to the station').ages).toEqual([]);
    expect(read('three children').days).toEqual([]);
  });

  it('finds the city in every script and spelling', () => {
    const read = reader();
    for (const text of ['in Den Haag', 'The Hague', 'في لاهاي', 'в Гааге', 'Гаага', 'la haye']) expect(read(text).cities, text).toEqual(['den-haag']);
    for (const text of ['Gand', 'ghent', 'we are in Gent', 'غنت']) expect(read(text).cities, text).toEqual(['gent']);
    expect(read('I need a doctor').cities).toEqual([]);
    // Vowels folded, Tigrinya "law" (ሕጊ) is The Hague's two letters (ሄግ): no city.
    expect(slotReader()('ሕጊ ሓገዝ', ['ti']).cities).toEqual([]);
  });

  it('reads a place with its preposition or case ending, and names of countries', () => {
    const read = slotReader();
    expect(read("Gent'te kalacak yer yok", ['tr']).cities).toEqual(['gent']);
    expect(read('Gentteyiz, doktor lazim', ['tr']).cities).toEqual(['gent']);
    expect(read('በጌንት ነኝ', ['am']).cities).toEqual(['gent']);
    expect(read('انا بلاهاي', ['ar']).cities).toEqual(['den-haag']);
    expect(read('мы в Бельгии', ['ru']).countries).toEqual(['be']);
    expect(read("Hollanda'da doğdu", ['tr']).countries).toEqual(['nl']);
    expect(read('I am in Belgium', ['en'])).toMatchObject({ cities: [], countries: ['be'] });
    // A Turkish spelling of Ghent is Portuguese for "people": read only in Turkish text.
    expect(realRouter().route('a gente precisa de um medico', 'pt').choice?.city).toBeUndefined();
    expect(realRouter().route('gentte doktor lazim', 'tr').choice?.city).toBe('gent');
  });

  it('reads a number or time word as itself, never as a typo of another word', () => {
    // "maanden" (months) is one letter from "tanden" (teeth).
    const evidence = realRouter().route('ik werk al 3 maanden', 'nl').evidence ?? [];
    expect(evidence.map((e) => e.target)).not.toContain('health.dentist');
  });

  it("reads number words in the text's language only: English 'a' is no number in French", () => {
    const read = slotReader();
    expect(read('ma fille a 7 ans', ['fr']).ages).toEqual([7]);
    expect(read('born a week ago', ['en']).days).toEqual([7]);
    expect(read('vijf dagen', ['fr']).days).toEqual([]);
    expect(read('vijf dagen', ['nl']).days).toEqual([5]);
  });

  it("reads time words as days ago, in the text's language", () => {
    const read = slotReader();
    expect(read('the baby was born yesterday', ['en']).days).toEqual([1]);
    expect(read('eergisteren geboren', ['nl']).days).toEqual([2]);
    // The day word inside "the day before yesterday" is not one more day.
    expect(read('born the day before yesterday', ['en']).days).toEqual([2]);
    expect(read('ребенок родился позавчера', ['ru']).days).toEqual([2]);
    expect(read('宝宝昨天出生', ['zh']).days).toEqual([1]);
    // French "hier" is yesterday; Dutch "hier" is here.
    expect(read('ik ben hier', ['nl']).days).toEqual([]);
    expect(read('né hier', ['fr']).days).toEqual([1]);
  });

  it('cuts crafted words short instead of reading them (M6)', () => {
    const read = reader();
    const long = `${'ab'.repeat(5000)} 3 days`;
    expect(read(long).days).toEqual([3]);
  });

  it('reads a crafted text only as far as routing reads any text: NFKC makes one "ﷺ" eighteen letters (M6)', () => {
    // The city comes after 2,000 characters once normalised: it is not read, whatever the text.
    const crafted = `${'ﷺ'.repeat(3000)} I am in Gent`;
    expect(realRouter().route(crafted).choice?.city).toBeUndefined();
    expect(realRouter().route(`${'ﷺ'.repeat(50)} I am in Gent`).choice?.city).toBe('gent');
  });
});

describe('following the decision trees', () => {
  const screen = (text: string) => realRouter().route(text).choice;

  it('goes down the options the text decides', () => {
    expect(screen('our son was born 10 days ago and we still did not go to the gemeente')?.screen).toBe('birth.late');
    expect(screen('de baby is gisteren geboren, hoe doe ik aangifte')?.screen).toMatch(/^birth\.(recent|with-id|no-id)$/);
    expect(screen('I am 16 and alone, where can I sleep tonight')?.screen).toBe('shelter.minor');
    expect(screen('my daughter is 7, can she go to school')?.screen).toBe('school.child');
    expect(screen('el médico me rechazó')?.screen).toBe('health.refused');
    expect(screen('de huisarts wil mij niet inschrijven')?.screen).toBe('health.refused');
  });

  it('opens a screen only "see also" leads to when the words name it as clearly as the menu', () => {
    // BSN and nationality is behind answers only; "born" alone names the "when?" menu as much.
    expect(screen('my baby was born here, will he get a BSN and Dutch nationality?')?.screen).toBe('birth.papers');
  });

  it("takes no minor's screen for a text that says nothing of age", () => {
    expect(screen('I need a place to sleep tonight')?.screen).toBe('shelter.tonight.alone');
    expect(screen('I am a man and I have no place to sleep')?.screen).not.toBe('shelter.minor');
  });

  it('takes an option below the first menu only for words that say more of it than of the menu', () => {
    // "doctor" is in the phrases of every screen of the doctor menu: the menu, not "is it safe?".
    expect(screen('I need a doctor')?.screen).toBe('health.doctor');
    // "refuses to register me" is one of them.
    expect(screen('the huisarts refuses to register me')?.screen).toBe('health.refused');
  });

  it('stops at the menu when the text does not decide', () => {
    // Born, but not said when: the screen that asks "when was the baby born?".
    expect(screen('my baby was born, what now')?.screen).toBe('birth.born');
    // Said when: that option is taken.
    expect(screen('my baby was born yesterday, what now')?.screen).toMatch(/^birth\.(recent|with-id|no-id)$/);
  });

  it('offers the option a menu names for a person the text says no more about, with the menu', () => {
    const choose = createScreenChooser(realContent());
    const noSlots = { ages: [], days: [], cities: [], countries: [] };
    const words = (evidence: Array<{ target: string; score: number }>): RouteResult => ({
      topic: 'shelter',
      target: 'shelter',
      lang: 'en',
      score: 0.8,
      urgent: false,
      alternatives: [],
      evidence,
    });
    // Words for "tonight" only: the screen for an adult alone first, the "who?" menu beside it.
    const c = choose(
      words([
        { target: 'shelter', score: 1 },
        { target: 'shelter.tonight', score: 2 },
      ]),
      { slots: noSlots, country: 'nl' },
    );
    expect(c).toMatchObject({ screen: 'shelter.tonight.alone', sure: false });
    expect(c.alternatives[0]).toBe('shelter.tonight');
    // One shared word for the women's shelter ("sleep") does not leave the default.
    const stray = choose(
      words([
        { target: 'shelter.tonight', score: 2 },
        { target: 'shelter.women', score: 0.45 },
      ]),
      { slots: noSlots, country: 'nl' },
    );
    expect(stray.screen).toBe('shelter.tonight.alone');
    expect(screen('no place to sleep tonight')?.screen).toBe('shelter.tonight.alone');
    // Words for children too: that option, not the default.
    const kids = choose(
      words([
        { target: 'shelter.tonight', score: 2 },
        { target: 'shelter.children', score: 1.5 },
      ]),
      { slots: noSlots, country: 'nl' },
    );
    expect(kids.screen).toBe('shelter.children');
  });

  it("offers the screens the words name before the topic's menu when the walk decides nothing there", () => {
    // Vaccination is named, but only "see also" of another answer leads there: the screen first, the menu beside it.
    for (const text of ['my son is 2 years old and never had a vaccination', 'моему сыну 2 года, у него нет прививок', 'mon fils a 2 ans et n a jamais été vacciné']) {
      const c = screen(text)!;
      expect(c.screen, text).toBe('health.child.jgz');
      expect(c.sure, text).toBe(false);
      expect(c.alternatives, text).toContain('health');
    }
  });

  it('reads "years old" after a number as the age, not as words of the shelter for older people', () => {
    expect(screen('i am 40 years old and need a doctor')?.screen).toMatch(/^health\./);
    expect(screen('ik ben 40 jaar oud en heb een dokter nodig')?.screen).toMatch(/^health\./);
    // The age itself still decides: 70 is the older people's screen.
    expect(screen('i am 70 years old and sleep outside')?.screen).toBe('shelter.older');
    expect(screen('I am an old man with nowhere to sleep')?.screen).toBe('shelter.older');
  });

  it('takes the only option a menu has where the person is', () => {
    // In Ghent the shelter menu has one option: the Ghent night shelter.
    expect(screen('в генте негде спать')?.screen).toBe('shelter.be');
    expect(realRouter().route('where can I sleep', 'en', 'gent').choice?.screen).toBe('shelter.be');
  });

  it("leans to the first country's screens when the text and the person name no place", () => {
    const countriesOf = (text: string) => realContent().screens.get(screen(text)!.screen!)?.countries;
    expect(countriesOf('free legal advice where')).not.toEqual(['be']);
    expect(countriesOf('necesito un abogado gratis')).not.toEqual(['be']);
    expect(countriesOf('waar vind ik een gratis advocaat in Gent')).toEqual(['be']);
    // A word a phrase of the other country shares ("shower" of "shower in Ghent", Arabic "shelter")
    // does not send the person to Ghent's screens.
    expect(countriesOf('where can I take a shower')).toEqual(['nl']);
    expect(countriesOf('مأوى')).not.toEqual(['be']);
    // A word only the other country has still names its screen, beside the menu.
    const dmh = realRouter().route('what is dmh').choice!;
    expect([dmh.screen, ...dmh.alternatives]).toContain('health.be.dmh');
  });

  it('takes the country the text names when it names no city', () => {
    const r = realRouter().route('I am in Belgium and need a lawyer');
    expect(realContent().screens.get(r.choice!.screen!)?.countries).toEqual(['be']);
    expect(r.choice?.city).toBeUndefined();
  });

  it('takes the country from the city the text names, and says which city', () => {
    const r = realRouter().route('ik ben in Gent en ik zoek een dokter');
    expect(r.choice?.city).toBe('gent');
    expect(realContent().screens.get(r.choice!.screen!)?.countries).toEqual(['be']);
  });

  it('offers at most two other screens, never the one it opens', () => {
    for (const text of ['I am pregnant and have no insurance', 'my boss does not pay me', 'where can I sleep tonight']) {
      const c = screen(text)!;
      expect(c.alternatives.length, text).toBeLessThanOrEqual(2);
      expect(c.alternatives, text).not.toContain(c.screen);
    }
  });
});

describe('danger first, false alarms rare', () => {
  it('opens the emergency screen the words name', () => {
    expect(screen('he has a knife and wants to kill me')).toMatchObject({ screen: 'emergency.violence', sure: true });
    expect(screen('my friend is not breathing')).toMatchObject({ screen: 'emergency.medical', sure: true });
    expect(realRouter().route('ik wil dood').urgent).toBe(true);
    // Danger said in few words, in languages whose lists lacked them.
    for (const [text, want] of [
      ['بیر لە کوشتنی خۆم دەکەمەوە', 'emergency.self-harm'],
      ['ተደፈርኩ ምን ላድርግ', 'emergency.sexual'],
      ['um homem está me seguindo e disse que vai me bater', 'emergency.violence'],
      ['i cant go on like this anymore', 'emergency.self-harm'],
      ['غواړم مړ شم', 'emergency.self-harm'],
      ['መሞት እፈልጋለሁ', 'emergency.self-harm'],
    ] as const) {
      const r = realRouter().route(text);
      expect({ screen: r.choice?.screen, urgent: r.urgent }, text).toEqual({ screen: want, urgent: true });
    }
  });

  it("opens the first country's danger screen when no place is known, the other country's beside it", () => {
    const choose = createScreenChooser(realContent());
    const slots = { ages: [], days: [], cities: [], countries: [] };
    // The words of Ghent's screen can be the stronger by chance of the phrase lists.
    const danger: RouteResult = {
      topic: 'emergency',
      target: 'emergency.violence-be',
      lang: 'nl',
      score: 0.9,
      urgent: true,
      alternatives: [],
      evidence: [
        { target: 'emergency.violence-be', score: 1.6 },
        { target: 'emergency.violence', score: 0.7 },
      ],
    };
    const nowhere = choose(danger, { slots });
    expect(nowhere.screen).toBe('emergency.violence');
    expect(nowhere.alternatives).toContain('emergency.violence-be');
    expect(choose(danger, { slots, country: 'be' }).screen).toBe('emergency.violence-be');
    expect(realRouter().route('mijn buurvrouw wordt nu geslagen in Gent').choice?.screen).toBe('emergency.violence-be');
  });

  it("offers the emergency screen, not the menu, when the words name only another country's emergency screen", () => {
    const choose = createScreenChooser(realContent());
    const slots = { ages: [], days: [], cities: ['gent'], countries: [] };
    // Words only the Dutch self-harm screen has, typed by a person in Ghent, and no danger phrase complete.
    const words: RouteResult = {
      topic: 'emergency',
      target: 'emergency.self-harm',
      lang: 'ti',
      score: 0.5,
      urgent: false,
      alternatives: [],
      evidence: [
        { target: 'emergency.self-harm', score: 0.9 },
        { target: 'emergency', score: 0.7 },
      ],
    };
    expect(choose(words, { slots, country: 'be', city: 'gent' }).screen).toBe('emergency');
    expect(choose(words, { slots: { ...slots, cities: [] } }).screen).toBe('emergency.self-harm');
    // Words of the emergency topic that name no emergency screen still get the menu.
    expect(choose({ ...words, evidence: [{ target: 'emergency', score: 0.9 }] }, { slots, country: 'be', city: 'gent' }).screen).toBeNull();
  });

  it('reads "took many pills" in Russian and Ukrainian as danger', () => {
    for (const text of ['моя подруга выпила много таблеток и не отвечает', 'мама випила багато таблеток і не прокидається']) {
      const r = realRouter().route(text);
      expect({ screen: r.choice?.screen, urgent: r.urgent }, text).toEqual({ screen: 'emergency.self-harm', urgent: true });
    }
  });

  it('raises no alarm for "in the evening I want to see a doctor" in Amharic, which folded onto "I want to die"', () => {
    expect(realRouter().route('ማታ ሐኪም ማየት እፈልጋለሁ', 'am').urgent).toBe(false);
    expect(realRouter().route('መሞት እፈልጋለሁ', 'am').urgent).toBe(true);
  });

  it('raises no alarm for idioms, the fire station or the siren test', () => {
    for (const text of ['where is the fire station', 'I am just killing time', 'this heat is killing me', 'the siren on monday at noon, is it a test?']) {
      const r = realRouter().route(text);
      expect(r.urgent, text).toBe(false);
      const offered = [r.choice?.screen, ...(r.choice?.alternatives ?? [])].filter(Boolean) as string[];
      expect(
        offered.filter((id) => id.startsWith('emergency')),
        text,
      ).toEqual([]);
    }
  });

  it('reads past words that only say "hurry": no emergency screen for an urgent ordinary question', () => {
    for (const [text, want] of [
      ['URGENT i need free dutch lessons', 'school'],
      ['SPOED: de huisarts wil mij niet inschrijven', 'health'],
      ['عاجل!! أين أجد محامي مجاني', 'legal'],
      ['СРОЧНО нужен адвокат', 'legal'],
    ] as const) {
      const r = realRouter().route(text);
      expect(r.urgent, text).toBe(false);
      expect(r.topic, text).toBe(want);
    }
    // Nothing but "help!" in any language: the emergency menu, whose first button is 112.
    for (const text of ['HELP!!', 'AIDEZ MOI!!!', 'помогите!', 'እርዱኝ']) expect(realRouter().route(text).choice?.screen, text).toBe('emergency');
    expect(realRouter().route('help me with my papers').topic).toBe('legal');
    // Nothing but hurry: the emergency menu still. Danger beside it: still danger.
    expect(realRouter().route('URGENT!!').topic).toBe('emergency');
    expect(realRouter().route('urgent, he has a knife').urgent).toBe(true);
  });

  it('answers small talk and thanks with no screen', () => {
    for (const text of ['thanks a lot', 'hello', 'merci beaucoup', 'شكرا']) expect(realRouter().route(text).choice?.screen ?? null, text).toBeNull();
  });

  it('offers no screen for what the bot does not cover where the person is', () => {
    // SIM cards: only Belgium's screen says something (they need an ID there).
    expect(realRouter().route('where can I buy a SIM card').choice?.screen ?? null).toBeNull();
    expect(realRouter().route('I need a SIM card without ID in Gent').choice?.screen).toBe('basics.id.be');
  });

  function screen(text: string) {
    return realRouter().route(text).choice;
  }
});

describe('what the person sees', () => {
  const deps = () => ({ content: realContent(), router: realRouter() });

  it('a sure answer opens at once, with "Not what you asked?" and at most two other screens', () => {
    const r = step(deps(), { lang: 'en' }, { type: 'text', text: 'our son was born 10 days ago and we still did not go to the gemeente' });
    expect(r.state.screen).toBe('birth.late');
    expect(r.text).toContain('Not what you asked?');
    expect(r.stat).toEqual({ screen: 'birth.late', topic: 'birth' });
  });

  it("a city named in the text becomes the person's city, said in one line, with a way to change it", () => {
    const r = step(deps(), { lang: 'en' }, { type: 'text', text: 'I am 16 and alone, where can I sleep tonight in The Hague' });
    expect(r.state.city).toBe('den-haag');
    expect(r.text).toContain('I will show help in The Hague');
    expect(r.buttons.flat().map((b) => b.label)).toContain('🔄 The Hague (Den Haag): change city');
    // Said once: the same city again is no news.
    const again = step(deps(), { lang: 'en', city: 'den-haag' }, { type: 'text', text: 'where can I sleep in The Hague' });
    expect(again.text).not.toContain('I will show help in');
  });

  it("when unsure, offers up to three screens and the menu, in the person's language", () => {
    const r = step(deps(), { lang: 'ar' }, { type: 'text', text: 'ولد طفلي' });
    expect(r.state.screen).toBe('home');
    expect(r.buttons.length).toBeLessThanOrEqual(4);
    expect(r.buttons.length).toBeGreaterThanOrEqual(2);
    expect(r.dir).toBe('rtl');
  });
});

describe('inline mode', () => {
  it('offers the screen a typed message would open, first', () => {
    const results = inlineResults({ content: realContent(), router: realRouter() }, 'our son was born 10 days ago', 'test_bot');
    expect(results[0]!.id).toBe('en:birth.late');
    const minor = inlineResults({ content: realContent(), router: realRouter() }, "j'ai 16 ans, je suis seul, où dormir ce soir", 'test_bot');
    expect(minor[0]!.id).toBe('fr:shelter.minor');
  });
});
