/** The shape of the decision trees: every screen reachable, ranges that run forwards, defaults that are options. */
import { parentsFromMenu } from '../content/flow-tree.ts';
import { optionTarget } from '../content/schema.ts';
import type { ContentCheck } from './context.ts';

export const reachability: ContentCheck = {
  name: 'every screen can be reached from the main menu',
  run({ content, err }) {
    // ---- reachability from the main menu
    const reachable = parentsFromMenu(
      content.flows.map((f) => f.start),
      (id) => content.screens.get(id)?.options,
    );
    for (const [id, screen] of content.screens) {
      if (!reachable.has(id)) err(`flows/${screen.flow}.yaml`, id, 'no button leads to this screen: nobody can reach it');
    }
  },
};

export const decisionRules: ContentCheck = {
  name: 'age and time ranges run forwards, a default is one of the options',
  run({ content, err }) {
    for (const screen of content.screens.values()) {
      for (const [name, range] of Object.entries(screen.when ?? {})) {
        if (range && range[0] > range[1]) err(`flows/${screen.flow}.yaml`, `${screen.id}.when.${name}`, `the range [${range.join(', ')}] is empty: write the smaller number first`);
      }
      if (screen.ifUndecided && !screen.options.some((o) => optionTarget(o) === screen.ifUndecided)) {
        err(`flows/${screen.flow}.yaml`, `${screen.id}.ifUndecided`, `${screen.ifUndecided} is not one of this screen's options`);
      }
    }
  },
};
