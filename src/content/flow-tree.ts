/** The decision trees as a tree: where each screen is first reached from the main menu ("back"). */
import { optionTarget } from './schema.ts';

/**
 * Walks the flows breadth-first from the main menu: screen id -> the screen that first
 * leads to it ('home' for a flow's start). A screen missing from the result is unreachable.
 */
export function parentsFromMenu(starts: readonly string[], optionsOf: (id: string) => ReadonlyArray<string | { to: string }> | undefined): Map<string, string> {
  const parent = new Map<string, string>();
  const queue: string[] = [];
  for (const start of starts) {
    if (optionsOf(start) && !parent.has(start)) {
      parent.set(start, 'home');
      queue.push(start);
    }
  }
  while (queue.length) {
    const id = queue.shift()!;
    for (const to of optionsOf(id)!.map(optionTarget)) {
      if (optionsOf(to) && !parent.has(to)) {
        parent.set(to, id);
        queue.push(to);
      }
    }
  }
  return parent;
}
