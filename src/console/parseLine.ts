import type { CommandRequest } from '../../commands/types';

/** What one line typed into the local console asks for. */
export type ConsoleInput =
  | { kind: 'skip' }
  | { kind: 'quit' }
  /** Press the first button of the previous reply ("Next best passage"). */
  | { kind: 'press' }
  | { kind: 'command'; request: CommandRequest };

export const CONSOLE_USER_ID = 'console';

function ask(question: string): ConsoleInput {
  // Accept Discord's own syntax too, for people who paste `/ask question:...`.
  const text = question.replace(/^question:\s*/i, '');
  return {
    kind: 'command',
    request: { command: 'ask', options: { question: text }, userId: CONSOLE_USER_ID },
  };
}

/**
 * `/help`, `/article [title or page]`, `/ask <question>`, `/next`, `/quit`, or plain text (= /ask).
 * Any other `/name` goes to the handlers as that command, which answer it as Discord would ("unknown").
 */
export function parseLine(line: string): ConsoleInput {
  const text = line.trim();
  if (!text) return { kind: 'skip' };
  if (!text.startsWith('/')) return ask(text);
  const [, name = '', rest = ''] = /^\/(\S*)\s*(.*)$/s.exec(text) ?? [];
  const command = name.toLowerCase();
  if (command === 'quit' || command === 'exit') return { kind: 'quit' };
  if (command === 'next') return { kind: 'press' };
  if (command === 'ask') return ask(rest);
  const options: Record<string, string | number> = {};
  if (command === 'article' && rest) {
    if (/^\d+$/.test(rest)) options.page = Number(rest);
    else options.article = rest.replace(/^article:\s*/i, '');
  }
  return { kind: 'command', request: { command, options, userId: CONSOLE_USER_ID } };
}
