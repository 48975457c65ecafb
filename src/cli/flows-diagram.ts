/** npm run flows:diagram - writes docs/flows/<id>.md, one Mermaid diagram per flow. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../content/load.ts';
import { flowDiagram } from '../content/diagram.ts';
import { runAsCommand, type Command } from './command.ts';

export const flowsDiagram: Command = ({ cwd, out }) => {
  const content = loadContent(cwd);
  const dir = join(cwd, 'docs', 'flows');
  mkdirSync(dir, { recursive: true });
  for (const flow of content.flows) {
    writeFileSync(join(dir, `${flow.id}.md`), flowDiagram(content, flow.id));
    out(`docs/flows/${flow.id}.md`);
  }
  return 0;
};

runAsCommand(import.meta.url, flowsDiagram);
