/** npm run flows:diagram - writes docs/flows/<id>.md, one Mermaid diagram per flow. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../content/load.ts';
import { flowDiagram } from '../content/diagram.ts';

const content = loadContent(process.cwd());
const dir = join(process.cwd(), 'docs', 'flows');
mkdirSync(dir, { recursive: true });
for (const flow of content.flows) {
  writeFileSync(join(dir, `${flow.id}.md`), flowDiagram(content, flow.id));
  console.log(`docs/flows/${flow.id}.md`);
}
