import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/search/router.ts';
import { realRouter } from './helpers.ts';

const topic = (text: string, lang?: string) => realRouter().route(text, lang).topic;

describe('danger first', () => {
  it('routes self-harm to emergency even when shelter words are there', () => {
    for (const text of [
      'I want to kill myself',
      'i want to kill myself, i have no place to sleep tonight',
      'i dont want to live anymore',
      'sucide', // typo
      'میخواهم خودکشی کنم چون جای خواب ندارم',
      'بدي انتحر ما عندي بيت ولا مكان نام فيه',
      'je veux mourir, je dors dans la rue',
      'хочу умереть',
      'ራሴን ማጥፋት እፈልጋለሁ',
      '我想自杀',
    ]) {
      const r = realRouter().route(text);
      expect(r, text).toEqual(expect.objectContaining({ topic: 'emergency', urgent: true }));
      expect(r.score, text).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('routes violence happening now and medical emergencies to emergency', () => {
    expect(topic('he is hitting me right now')).toBe('emergency');
    expect(topic('my friend is not breathing')).toBe('emergency');
    expect(topic('bel een ambulance')).toBe('emergency');
    expect(topic('اسعاف بسرعة')).toBe('emergency');
  });

  it('takes words for a calm screen of the emergency topic (a child helpline) as help, not danger', () => {
    const keywords = new Map([['en', { emergency: ['call an ambulance'], 'emergency.young': ['child helpline'], shelter: ['bed'], none: ['hello'] }]]);
    const danger = createRouter({ languages: ['en'], keywords, topics: ['emergency', 'shelter'] }).route('child helpline number', 'en');
    expect(danger).toEqual(expect.objectContaining({ target: 'emergency.young', urgent: true }));
    const calm = createRouter({ languages: ['en'], keywords, topics: ['emergency', 'shelter'], calm: new Set(['emergency.young']) }).route('child helpline number', 'en');
    expect(calm).toEqual(expect.objectContaining({ target: 'emergency.young', urgent: false }));
    expect(createRouter({ languages: ['en'], keywords, topics: ['emergency', 'shelter'], calm: new Set(['emergency.young']) }).route('call an ambulance', 'en').urgent).toBe(true);
  });

  it('does not raise the alarm when the danger word is negated or part of another phrase', () => {
    const chest = realRouter().route('i have pain in my chest since yesterday but not urgent');
    expect(chest).toEqual(expect.objectContaining({ topic: 'health', urgent: false }));
    expect(realRouter().route("hébergement d'urgence pour ma famille")).toEqual(expect.objectContaining({ topic: 'shelter', urgent: false }));
    expect(topic('het is geen spoed, ik zoek een huisarts')).toBe('health');
  });

  it('does not read a function word of one language as a danger word of another', () => {
    // Dutch "die" (who) is not English "die"; French "mes" (my) is not Dutch "mes" (knife).
    expect(realRouter().route('de man die mij slaat').urgent).toBe(false);
    expect(realRouter().route('école pour mes enfants')).toEqual(expect.objectContaining({ topic: 'school', urgent: false }));
  });
});

describe('negation belongs to a language', () => {
  it("does not let one language's negation cancel another language's danger", () => {
    // Arabic "la"/"ma" and Persian "na" are ordinary words in French, Spanish and Portuguese.
    for (const text of ['il y a de la fumée partout', 'la casa se quema', 'fogo na cozinha']) {
      expect(realRouter().route(text), text).toEqual(expect.objectContaining({ topic: 'emergency', urgent: true }));
    }
  });

  it("still hears a negation in the danger phrase's own language", () => {
    expect(realRouter().route("ce n'est pas urgent, je cherche un médecin").urgent).toBe(false);
    expect(realRouter().route('no es urgente, busco un médico').urgent).toBe(false);
  });
});

describe('small talk', () => {
  it('routes greetings, thanks and ok to nothing', () => {
    for (const text of ['hello', 'hi', 'thanks', 'ok', 'dank je wel', 'merci', 'شكرا', 'سلام', 'gracias', 'спасибо', '你好', 'ሰላም', 'mahadsanid', '👍', '', '   ']) {
      const r = realRouter().route(text);
      expect(r.topic, text).toBeNull();
      expect(r.target, text).toBeNull();
      expect(r.urgent, text).toBe(false);
    }
  });

  it('still routes a greeting followed by a need', () => {
    expect(topic('hello, I need a doctor')).toBe('health');
    expect(topic('salam, khane nadaram')).toBe('shelter');
  });
});

describe('routing', () => {
  it('handles the examples of the issue', () => {
    expect(topic('need sleep place 2night')).toBe('shelter');
    expect(topic('ana mareed w ma3i flous')).toBe('health');
    expect(topic('ሕክምና')).toBe('health');
    expect(topic('me asaltaron ayer')).toBe('police');
  });

  it('tolerates typos, missing accents and inflection', () => {
    expect(topic('docter')).toBe('health');
    expect(topic('polise')).toBe('police');
    expect(topic('shcool for my kids')).toBe('school');
    expect(topic('regularisation')).toBe('legal');
    expect(topic('hastaneye gitmem lazim')).toBe('health');
    expect(topic('больнице')).toBe('health');
  });

  it('opens a screen when the words point at one', () => {
    expect(realRouter().route('I am pregnant').target).toBe('health.pregnant');
    expect(realRouter().route('toothache').target).toBe('health.dentist');
    expect(realRouter().route('my husband beats me').target).toBe('police.home');
    expect(realRouter().route('where can i learn dutch').target).toBe('school.dutch');
    // "A doctor" with nothing more: the screen that asks which kind of doctor.
    expect(realRouter().route('need a doctor').target).toBe('health.doctor');
  });

  it('answers with a score in 0..1 and at most 3 alternatives, best first, without the target', () => {
    for (const text of ['I need a doctor and a lawyer', 'papers', 'help', 'my baby was born and is sick']) {
      const r = realRouter().route(text);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.alternatives.length).toBeLessThanOrEqual(3);
      const scores = r.alternatives.map((a) => a.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(r.alternatives.map((a) => a.target)).not.toContain(r.target);
      for (const a of r.alternatives) expect(a.target.split('.')[0]).toBe(a.topic);
    }
    const r = realRouter().route('I need a doctor and a lawyer');
    expect(r.alternatives.map((a) => a.topic)).toContain(r.topic === 'health' ? 'legal' : 'health');
  });

  it('is surer of a clear text than of a vague one', () => {
    expect(realRouter().route('doctor hospital medicine').score).toBeGreaterThan(realRouter().route('doctor lawyer').score);
  });
});

describe('createRouter on a small vocabulary', () => {
  const router = createRouter({
    languages: ['en', 'nl'],
    topics: ['shelter', 'health', 'legal', 'emergency'],
    keywords: new Map<string, Record<string, string[]>>([
      ['en', { shelter: ['place to sleep', 'bed'], health: ['doctor'], 'health.pregnant': ['pregnant'], none: ['hello'], unknown: ['x'] }],
      ['nl', { shelter: ['slaapplek'], emergency: ['zelfmoord'] }],
    ]),
    documents: [{ lang: 'en', target: 'legal.stay', text: 'A <b>residence permit</b> lets you stay. Ask a {{service}} lawyer.' }],
  });

  it('routes by keywords, screens and answer texts, and ignores unknown targets', () => {
    expect(router.route('a place to sleep').topic).toBe('shelter');
    expect(router.route('pregnant').target).toBe('health.pregnant');
    expect(router.route('residence permit').target).toBe('legal.stay');
    expect(router.route('x').topic).toBeNull();
    expect(router.route('hello').topic).toBeNull();
    expect(router.route('zelfmoord').urgent).toBe(true);
  });

  it('gives the guessed language, or the chosen one when the text has no evidence', () => {
    expect(router.route('slaapplek').lang).toBe('nl');
    // The text's evidence wins over the chosen language...
    expect(router.route('doctor', 'nl').lang).toBe('en');
    // ...and the chosen language wins when the text has none.
    expect(router.route('🙂', 'nl').lang).toBe('nl');
    expect(router.route('🙂').lang).toBe('en');
  });

  it('explains its choice', () => {
    const lines = router.explain('place to sleep');
    expect(lines.some((l) => l.includes('shelter'))).toBe(true);
    expect(lines.at(-1)).toContain('"topic":"shelter"');
  });
});
