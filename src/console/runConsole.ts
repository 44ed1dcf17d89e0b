import { clearLine, createInterface, cursorTo } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { runButton, runCommand } from '../../commands/dispatch';
import type { CommandContext } from '../../commands/types';
import type { Reply } from '../reply/reply';
import { CONSOLE_USER_ID, parseLine } from './parseLine';
import { ansiStyle, buttonIds, plainStyle, renderText } from './renderText';

export interface ConsoleIO {
  input: Readable;
  output: Writable;
  /** Where log lines go (stderr): on a terminal, the same screen as `output`. */
  errors: Writable;
  /** A person types (stdin is a terminal): show a prompt and handle Ctrl-C. */
  interactive: boolean;
  /** The output is a terminal and NO_COLOR is not set. */
  color: boolean;
}

export interface ConsoleSession {
  /** Resolves at end of input, `/quit` or Ctrl-C. */
  run(): Promise<void>;
  /**
   * Writes a log line (a reload, a warning) without breaking the prompt: on a terminal the prompt line
   * is cleared, the line written, and the prompt drawn again below it with whatever was typed so far.
   */
  writeLogLine(line: string): void;
}

const PROMPT = 'ask> ';

export const NOTHING_YET = 'Nothing to show yet: ask a question first.';
export const NOTHING_MORE = 'Nothing more to show for that: ask another question.';

/**
 * The token-less local mode: each line becomes the same request Discord would send, goes to the
 * same handlers, and their reply is printed.
 */
export function createConsole(context: CommandContext, io: ConsoleIO): ConsoleSession {
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
  let prompting = false;
  const prompt = () => {
    if (!io.interactive) return;
    prompting = true;
    lines.prompt();
  };

  const run = async () => {
    // Undefined until something was shown; then the buttons of the last reply (none: nothing more).
    let lastButtons: string[] | undefined;
    if (io.interactive) {
      io.output.write(`${style.dim('Ask about the article, or /help. Ctrl-D or /quit to leave.')}\n`);
    }
    prompt();
    for await (const line of lines) {
      prompting = false;
      const input = parseLine(line);
      if (input.kind === 'quit') break;
      if (input.kind === 'command') {
        const reply = await runCommand(input.request, context);
        lastButtons = buttonIds(reply);
        print(reply);
      } else if (input.kind === 'press') {
        const [customId] = lastButtons ?? [];
        if (customId) {
          const reply = await runButton({ customId, userId: CONSOLE_USER_ID }, context);
          lastButtons = buttonIds(reply);
          print(reply);
        } else {
          io.output.write(`${lastButtons ? NOTHING_MORE : NOTHING_YET}\n\n`);
        }
      }
      prompt();
    }
    prompting = false;
    lines.close();
    if (io.interactive) io.output.write('\n');
  };

  const writeLogLine = (line: string) => {
    if (!prompting) {
      io.errors.write(`${line}\n`);
      return;
    }
    clearLine(io.output, 0);
    cursorTo(io.output, 0);
    io.errors.write(`${line}\n`);
    // `true`: the cursor stays where it was in what the user had typed.
    lines.prompt(true);
  };

  return { run, writeLogLine };
}
