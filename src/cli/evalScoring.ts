/** How answers are judged (../shared/questions/README.md): folded case, quotes and white space. */
export interface EvalQuestion {
  q: string;
  expect: string[] | null;
  near?: boolean;
}

export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Right when the quote (at most 600 characters) holds one of the expected phrases. */
export function isRight(expect: readonly string[], quote: string | undefined): boolean {
  if (!quote || quote.length > 600) return false;
  const folded = fold(quote);
  return expect.some((phrase) => folded.includes(fold(phrase)));
}

export function parseQuestions(text: string, file: string): EvalQuestion[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        const parsed = JSON.parse(line) as EvalQuestion;
        if (typeof parsed.q !== 'string') throw new Error('no "q"');
        return parsed;
      } catch (error) {
        throw new Error(
          `${file}:${n}: not a question line (${error instanceof Error ? error.message : error})`,
        );
      }
    });
}
