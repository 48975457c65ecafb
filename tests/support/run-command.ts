/** Calls a command-line tool in this process, as `npm run <tool>` would, and keeps what it printed. */
import type { Command } from '../../src/cli/command.ts';

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(command: Command, argv: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const status = await command({
    argv,
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return { status, stdout, stderr };
}
