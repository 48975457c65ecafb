/**
 * The commands every channel offers, published once: Telegram's command list and handlers, the
 * simulator's typed commands and the engine's input all come from here.
 */
import type { Input, ScreenCommand } from '../engine/types.ts';

/** Commands that open one of the engine's screens. */
export const SCREEN_COMMANDS: readonly ScreenCommand[] = ['menu', 'language', 'help', 'privacy'];

/** Every command, in the order a command list shows them: start, the screens, then "clear this chat". */
export const COMMANDS = ['start', ...SCREEN_COMMANDS, 'wipe'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** "/menu", "/menu@our_bot" or "/menu now" -> "menu"; anything else -> undefined. */
export function commandOf(text: string): CommandName | undefined {
  const match = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/.exec(text);
  return match ? COMMANDS.find((c) => c === match[1]) : undefined;
}

/**
 * A typed line as the conversation reads it, for channels without their own command parsing
 * (the simulator): a command we have, "clear this chat", or text (a command we do not have is
 * empty text, not a question). Telegram parses commands itself and lands in the same inputs.
 */
export function inputForLine(line: string, langTag?: string): Input | { type: 'wipe' } {
  const command = commandOf(line);
  if (command === 'start') return { type: 'start', payload: line.split(/\s+/)[1], langHint: langTag };
  if (command === 'wipe') return { type: 'wipe' };
  if (command) return { type: 'command', command };
  return { type: 'text', text: line.startsWith('/') ? '' : line };
}
