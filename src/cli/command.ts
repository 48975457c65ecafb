/**
 * What every command-line tool gets from the outside - its arguments, environment, folder and
 * output - as one value, so a tool is a function the tests call in-process with their own
 * (a child process per call proved nothing but cost a second each). Only `runAsCommand`, at the
 * bottom of each tool's file, touches `process`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../content/load.ts';
import type { Content } from '../content/model.ts';
import { ContentError, formatProblem } from '../content/problems.ts';

/** Where tools write the files they make (CSV sheets, flyers) unless told otherwise: beside DATA_DIR's default, ignored by git. */
export const OUTPUT_DIR = 'var/out';

export interface CommandIo {
  /** The arguments after the command's name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder the command runs in: the repository, whose flows/, locales/ and data/ it reads. */
  readonly cwd: string;
  /** Prints one line on standard output. */
  out(line: string): void;
  /** Prints one line on standard error. */
  err(line: string): void;
}

/** A command-line tool: what it does, and its exit code (0 done, 1 problems found, 2 wrong use). */
export type Command = (io: CommandIo) => Promise<number> | number;

/** Runs `command` with this process's arguments and streams, when `moduleUrl` is the file Node was started with. */
export function runAsCommand(moduleUrl: string, command: Command): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const io: CommandIo = {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  Promise.resolve()
    .then(() => command(io))
    .then(
      (code) => {
        // Not process.exit(): output to a pipe is written asynchronously and would be cut off.
        process.exitCode = code;
      },
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}

/** The content in `cwd`, or undefined once its problems are printed (a tool cannot work on content the bot would refuse). */
export function loadContentFor(io: Pick<CommandIo, 'cwd' | 'err'>): Content | undefined {
  try {
    return loadContent(io.cwd);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const p of error.problems) io.err(formatProblem(p));
    io.err('Fix the files above first (npm run content:check shows the same list).');
    return undefined;
  }
}
