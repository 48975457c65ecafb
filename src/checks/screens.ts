/** Every screen the bot can show, in every language and city, opened as a person gets it. */
import { crawlScreens, RULES, summarise } from './screen-rules.ts';
import type { ContentCheck } from './context.ts';

export const everyScreen: ContentCheck = {
  name: 'every screen in every language and city, as a person gets it',
  run({ content, err, rendered }) {
    // ---- every screen the bot can show, in every language and city, as a person gets it
    const crawl = crawlScreens(content);
    rendered(crawl.renders);
    for (const g of summarise(crawl.findings)) {
      const flow = content.screens.get(g.screen.split(' ')[0]!)?.flow;
      const where = g.count > g.examples.length ? `${g.examples.join(', ')} and ${g.count - g.examples.length} more` : g.examples.join(', ');
      err(flow ? `flows/${flow}.yaml` : 'locales/<lang>/common.json', g.screen, `${RULES[g.rule]}: ${g.detail} (in ${where})`);
    }
  },
};
