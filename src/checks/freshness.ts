/** Facts and services checked within the last 12 months. */
import type { ContentCheck } from './context.ts';

const STALE_MONTHS = 12;

export const freshness: ContentCheck = {
  name: 'facts and services checked within the last 12 months',
  run({ content, now, warn }) {
    // ---- facts and services checked within the last 12 months
    const limit = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - STALE_MONTHS, 1));
    const old = (checked: string) => new Date(`${checked.length === 7 ? `${checked}-01` : checked}T00:00:00Z`) < limit;
    for (const f of content.facts.values()) if (old(f.checked)) warn('data/facts/', f.id, `checked ${f.checked}: more than ${STALE_MONTHS} months ago, check it against ${f.source} again`);
    for (const s of content.services.values())
      if (old(s.checked)) warn(`data/services/${s.namespace}.yaml`, s.id, `checked ${s.checked}: more than ${STALE_MONTHS} months ago, check it against ${s.source} again`);
  },
};
