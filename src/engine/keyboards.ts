/** Button rows the engine adds around content: navigation, language and city pickers. */
import type { Content } from '../content/model.ts';
import { encodeCallback, type Op } from './callback-data.ts';
import type { Button, State } from './types.ts';

export function button(content: Content, label: string, op: Op, state: State): Button {
  return { label, data: encodeCallback(content, op, state) };
}

/**
 * Back, menu, emergency and language: on every screen except the menu itself. "Back" is
 * left out where it would go where "menu" or "emergency" already goes.
 */
export function navRow(content: Content, state: State, back: string): Button[] {
  const t = (key: string) => content.t(state.lang, 'common', key);
  const row: Button[] = [];
  if (back !== 'home' && !(back === 'emergency' && state.screen !== 'emergency')) row.push(button(content, t('nav.back'), 'g', { ...state, screen: back }));
  row.push(button(content, t('nav.home'), 'g', { ...state, screen: 'home' }));
  if (state.screen !== 'emergency') row.push(button(content, t('nav.emergency'), 'g', { ...state, screen: 'emergency' }));
  row.push(button(content, t('nav.language'), 'L', state));
  return row;
}

/**
 * Native names only (no flags: a flag is a country, not a language). The language Telegram
 * suggests comes first, but the person decides.
 */
export function languageRows(content: Content, state: State, target: string, suggested?: string): Button[][] {
  const ordered = [...content.languages].sort((a, b) => Number(b.code === suggested) - Number(a.code === suggested));
  const rows: Button[][] = [];
  for (let i = 0; i < ordered.length; i += 3) {
    rows.push(ordered.slice(i, i + 3).map((l) => button(content, l.name, 'g', { ...state, lang: l.code, screen: target })));
  }
  return rows;
}

export function cityRows(content: Content, state: State, target: string): Button[][] {
  const rows: Button[][] = [];
  const named = content.cities.filter((c) => !c.other);
  for (let i = 0; i < named.length; i += 2) {
    rows.push(named.slice(i, i + 2).map((c) => button(content, content.t(state.lang, 'common', `city.${c.id}`), 'g', { ...state, city: c.id, screen: target })));
  }
  for (const c of content.cities.filter((c) => c.other)) {
    rows.push([button(content, content.t(state.lang, 'common', `city.${c.id}`), 'g', { ...state, city: c.id, screen: target })]);
  }
  return rows;
}
