/**
 * A printable flyer (A4 or A6) as one self-contained HTML page: the QR code, the bot's
 * name and three short lines in the person's language and in Dutch. Print it from any
 * browser ("Save as PDF" works too); no fonts or images are fetched from anywhere. The
 * browser does Arabic shaping and right-to-left ordering, given lang and dir.
 */
import type { Content } from '../content/model.ts';
import { escapeHtml, toPlainText } from '../engine/html.ts';
import { qrSvg } from './qr.ts';

export type FlyerSize = 'a4' | 'a6';

export type FlyerInput = { content: Content; lang: string; screen: string; link: string; username: string; size: FlyerSize };

const SIZES: Record<FlyerSize, { page: string; qr: string; title: string; line: string; pad: string }> = {
  a4: { page: 'A4', qr: '95mm', title: '22pt', line: '15pt', pad: '16mm' },
  a6: { page: 'A6', qr: '50mm', title: '12pt', line: '8.5pt', pad: '6mm' },
};

function lines(content: Content, lang: string, screen: string): string[] {
  const s = content.screens.get(screen);
  const topic = s ? content.t(lang, s.flow, `${screen}.button`) : content.t(lang, 'common', 'flyer.title');
  return [topic, content.t(lang, 'common', 'flyer.scan'), content.t(lang, 'common', 'flyer.private')];
}

/** Texts come from locales as Telegram HTML; on paper we want plain text (escaped for the page). */
function plain(html: string): string {
  return escapeHtml(toPlainText(html));
}

function block(content: Content, lang: string, screen: string, cls: string): string {
  const language = content.language.get(lang)!;
  const [topic, scan, privacy] = lines(content, lang, screen).map(plain);
  return `<section class="${cls}" lang="${lang}" dir="${language.dir}">
  <h1>${plain(content.t(lang, 'common', 'flyer.title'))}</h1>
  <p class="topic">${topic}</p>
  <p>${scan}</p>
  <p>${privacy}</p>
</section>`;
}

export function flyerHtml(input: FlyerInput): string {
  const { content, lang, screen, link, username, size } = input;
  const s = SIZES[size];
  const dutch = lang === 'nl' ? '' : block(content, 'nl', screen, 'second');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${plain(lines(content, lang, screen)[0]!)} - @${escapeHtml(username)}</title>
<style>
  @page { size: ${s.page}; margin: 0; }
  * { box-sizing: border-box; }
  html, body { margin: 0; }
  body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Ethiopic", "Noto Sans CJK SC", system-ui, sans-serif; color: #111; }
  .page { width: 100%; min-height: 100vh; padding: ${s.pad}; display: flex; flex-direction: column; align-items: center; gap: calc(${s.pad} / 2); text-align: center; }
  h1 { font-size: ${s.title}; margin: 0 0 0.3em; }
  p { font-size: ${s.line}; margin: 0.2em 0; line-height: 1.35; }
  .topic { font-weight: bold; font-size: calc(${s.line} * 1.2); }
  .qr { width: ${s.qr}; height: ${s.qr}; }
  .qr svg { width: 100%; height: 100%; }
  .bot { font-size: ${s.line}; font-weight: bold; direction: ltr; unicode-bidi: isolate; }
  .second { border-top: 1px solid #999; padding-top: calc(${s.pad} / 2); opacity: .9; }
  .second h1 { font-size: calc(${s.title} * .75); }
  .second p { font-size: calc(${s.line} * .85); }
  @media screen { body { background: #ddd; } .page { background: #fff; max-width: ${size === 'a4' ? '210mm' : '105mm'}; min-height: ${size === 'a4' ? '297mm' : '148mm'}; margin: 0 auto; } }
</style>
</head>
<body>
<main class="page">
${block(content, lang, screen, 'first')}
<div class="qr">${qrSvg(link, `QR code: ${link}`)}</div>
<p class="bot">@${escapeHtml(username)} · ${escapeHtml(link.replace(/^https:\/\//, ''))}</p>
${dutch}
</main>
</body>
</html>
`;
}
