import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runButton, runCommand } from '../../commands/dispatch';
import type { CommandContext } from '../../commands/types';
import type { Reply } from '../reply/reply';
import { CONSOLE_USER_ID, parseLine } from './parseLine';
import { ansiStyle, buttonIds, plainStyle, renderText } from './renderText';

export interface ConsoleIO {
  input: Readable;
  output: Writable;
  /** A person types (stdin is a terminal): show a prompt and handle Ctrl-C. */
  interactive: boolean;
  /** The output is a terminal and NO_COLOR is not set. */
  color: boolean;
}

const PROMPT = 'ask> ';

/**
 * The token-less local mode: each line becomes the same request Discord would send, goes to the
 * same handlers, and their reply is printed. Resolves at end of input, `/quit` or Ctrl-C.
 */
export async function runConsole(context: CommandContext, io: ConsoleIO): Promise<void> {
  const style = io.color ? ansiStyle : plainStyle;
  const lines = createInterface({
    input: io.input,
    // Piped input is not echoed back: the output holds only answers.
    output: io.interactive ? io.output : undefined,
    terminal: io.interactive,
  });
  lines.setPrompt(PROMPT);
  lines.on('SIGINT', () => lines.close());
  const print = (reply: Reply) => io.output.write(`${renderText(reply, style)}\n\n`);

  let lastButtons: string[] = [];
  if (io.interactive) {
    io.output.write(`${style.dim('Ask about the article, or /help. Ctrl-D or /quit to leave.')}\n`);
    lines.prompt();
  }
  for await (const line of lines) {
    const input = parseLine(line);
    if (input.kind === 'quit') break;
    if (input.kind === 'command') {
      const reply = await runCommand(input.request, context);
      lastButtons = buttonIds(reply);
      print(reply);
    } else if (input.kind === 'press') {
      const [customId] = lastButtons;
      if (customId) {
        const reply = await runButton({ customId, userId: CONSOLE_USER_ID }, context);
        lastButtons = buttonIds(reply);
        print(reply);
      } else {
        io.output.write('Nothing more to show: ask a question first.\n\n');
      }
    }
    if (io.interactive) lines.prompt();
  }
  lines.close();
  if (io.interactive) io.output.write('\n');
}
