/**
 * Content problems, said in words a volunteer understands: which file, where inside it,
 * and what is wrong. The loader collects them all before failing, so one run shows every
 * mistake instead of one per restart.
 */
import type { z } from 'zod';

export type Problem = { file: string; where: string; message: string; severity: 'error' | 'warning' };

export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The content has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function formatProblem(p: Problem): string {
  const where = p.where ? ` ${p.where}:` : '';
  return `${p.severity === 'warning' ? 'warning' : 'error'}: ${p.file}:${where} ${p.message}`;
}

/** "screens[3].options[1]" from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    where: formatPath(issue.path),
    message: plainZodMessage(issue),
    severity: 'error' as const,
  }));
}

function plainZodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `this field is missing (expected ${issue.expected})`;
  return issue.message;
}
