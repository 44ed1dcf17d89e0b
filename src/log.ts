/** One line of log output. Every log line of the bot goes through one of these. */
export type Log = (line: string) => void;

/**
 * A log that writes one line per call and blanks out secrets (the token), wherever they occur:
 * an error message from a library may quote a header or a URL that holds it.
 */
export function createLog(write: (line: string) => void, secrets: readonly (string | undefined)[] = []): Log {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  return (line) => {
    let text = line.replace(/\s*\n\s*/g, ' ');
    for (const secret of hidden) text = text.replaceAll(secret, '[redacted]');
    write(text);
  };
}

/** "TypeError: x is undefined (at commands/ask.ts:12:3)": an error in one line, with where it came from. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack
    ?.split('\n')
    .find((line) => line.trim().startsWith('at '))
    ?.trim()
    .replace(/^at /, '');
  return `${error.name}: ${error.message}${frame ? ` (at ${frame})` : ''}`;
}
