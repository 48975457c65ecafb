/** Reading an engine screen's buttons as a person does: by their labels. */
import type { Button } from '../../src/engine/types.ts';

export const labels = (buttons: Button[][]): string[] => buttons.flat().map((b) => b.label);

/** The callback data of the button with this label; fails with the labels there are. */
export function buttonData(buttons: Button[][], label: string): string {
  const b = buttons.flat().find((x) => x.label === label);
  if (!b || !('data' in b)) throw new Error(`no button "${label}" in ${labels(buttons).join(' | ')}`);
  return b.data;
}
