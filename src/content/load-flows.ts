/** flows/*.yaml: the decision trees, one per topic, and every screen in them. */
import { join } from 'node:path';
import type { LoadContext } from './read-file.ts';
import { ENGINE_SCREEN_IDS, flowSchema, type FlowDef, type ScreenDef } from './schema.ts';

/** Screen ids the engine owns, and names statistics use for its replies; flows may not use them. */
const RESERVED_SCREENS = new Set<string>([...ENGINE_SCREEN_IDS, 'topics', 'wipe']);

/** A screen as its flow file defines it, with where it is defined (for problems that point there). */
export type ScreenDefinition = { def: ScreenDef; flow: string; file: string; index: number };

export function loadFlows({ rootDir, readFile, listDir, problems }: LoadContext) {
  const flows: FlowDef[] = [];
  const screenDefs = new Map<string, ScreenDefinition>();
  for (const name of listDir(join(rootDir, 'flows'), '.yaml')) {
    const file = `flows/${name}`;
    const flow = readFile(join(rootDir, file), flowSchema);
    if (!flow) continue;
    if (`${flow.id}.yaml` !== name) problems.push({ file, where: 'id', message: `the flow id "${flow.id}" must match the file name`, severity: 'error' });
    if (flow.start !== flow.id) problems.push({ file, where: 'start', message: `the first screen must have the flow's id "${flow.id}"`, severity: 'error' });
    flow.screens.forEach((s, i) => {
      if (RESERVED_SCREENS.has(s.id)) problems.push({ file, where: `screens[${i}].id`, message: `"${s.id}" is reserved for the bot's own screens`, severity: 'error' });
      else if (s.id !== flow.id && !s.id.startsWith(`${flow.id}.`))
        problems.push({
          file,
          where: `screens[${i}].id`,
          message: `screen ids in this flow start with "${flow.id}." (so a button shows which topic it belongs to)`,
          severity: 'error',
        });
      const prev = screenDefs.get(s.id);
      if (prev) problems.push({ file, where: `screens[${i}].id`, message: `screen "${s.id}" is defined twice (also ${prev.file})`, severity: 'error' });
      else screenDefs.set(s.id, { def: s, flow: flow.id, file, index: i });
    });
    flows.push(flow);
  }
  flows.sort((a, b) => a.order - b.order);
  if (!flows.some((f) => f.id === 'emergency')) {
    problems.push({ file: 'flows/emergency.yaml', where: '', message: 'the emergency flow is required: every screen links to it', severity: 'error' });
  }

  flows.sort((a, b) => a.order - b.order);
  if (!flows.some((f) => f.id === 'emergency')) {
    problems.push({ file: 'flows/emergency.yaml', where: '', message: 'the emergency flow is required: every screen links to it', severity: 'error' });
  }
  return { flows, screenDefs };
}
