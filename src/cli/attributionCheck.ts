/**
 * `npm run attribution:check -- DIR SPEAKERS.jsonl`: asks `npm run ask -- --json --corpus DIR --article
 * ID` each annotated passage's opening words (format: test/fixtures/speakers, "Speaker files" in the
 * data's FORMAT.md) and counts how often the answer names the annotated speaker and role exactly:
 * in `speakers` (each person the quote lets speak) and as the answer's own `speaker`/`speakerRole`
 * (the speaker of the sentences it bolds). Prints each miss, then the figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Annotation {
  article: string;
  opening: string;
  speaker?: string;
  role?: string | null;
  speakers?: Array<{ speaker: string; role: string | null }>;
}

interface AskAnswer {
  answered: boolean;
  quote?: string;
  speaker?: string | null;
  speakerRole?: string | null;
  speakers?: Array<{ speaker: string; role: string | null }>;
}

const [dir, file] = process.argv.slice(2);
if (!dir || !file) {
  console.error('usage: npm run attribution:check -- CORPUS_DIR SPEAKERS.jsonl');
  process.exit(2);
}
const annotations: Annotation[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

const ask = fileURLToPath(new URL('./ask.ts', import.meta.url));
const fold = (s: string) => s.replace(/^\s*(?:[•◦▪‣·*-]|\d{1,2}[.)])\s+/u, '').replace(/\s+/gu, ' ');
const wanted = (a: Annotation) => a.speakers ?? [{ speaker: a.speaker ?? '', role: a.role ?? null }];
const show = (name?: string | null, role?: string | null) => `${name ?? '—'}${role ? `, ${role}` : ''}`;

/** One `ask` per article, its questions on stdin: the same process the README documents. */
const answers = new Map<Annotation, AskAnswer>();
for (const article of new Set(annotations.map((a) => a.article))) {
  const mine = annotations.filter((a) => a.article === article);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', ask, '--json', '--corpus', dir, '--article', article],
    {
      input: `${mine.map((a) => fold(a.opening)).join('\n')}\n`,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) {
    console.error(`attribution:check: ask failed for ${article}: ${run.stderr.trim()}`);
    process.exit(1);
  }
  const lines = run.stdout.trim().split('\n');
  for (const [i, line] of lines.entries()) answers.set(mine[i] as Annotation, JSON.parse(line));
}

let found = 0;
let inSpeakers = 0;
let asSpeaker = 0;
let nameAsSpeaker = 0;
for (const a of annotations) {
  const answer = answers.get(a) ?? { answered: false };
  const passage = answer.answered && fold(answer.quote ?? '').startsWith(fold(a.opening));
  const listed = wanted(a).every((w) =>
    (answer.speakers ?? []).some((s) => s.speaker === w.speaker && (s.role ?? null) === w.role),
  );
  const [main] = wanted(a);
  const exact = answer.speaker === main?.speaker && (answer.speakerRole ?? null) === main?.role;
  found += Number(passage);
  inSpeakers += Number(passage && listed);
  asSpeaker += Number(passage && exact);
  nameAsSpeaker += Number(passage && answer.speaker === main?.speaker);
  if (!passage || !listed || !exact) {
    const got = (answer.speakers ?? []).map((s) => show(s.speaker, s.role)).join('; ') || '—';
    console.log(
      `${passage ? 'MISS' : 'NOT FOUND'}  ${a.article} “${a.opening}”\n    want ${wanted(a)
        .map((w) => show(w.speaker, w.role))
        .join('; ')}\n    got speaker ${show(answer.speaker, answer.speakerRole)}; speakers ${got}`,
    );
  }
}
const n = annotations.length;
const share = (k: number) => `${k}/${n} (${Math.round((100 * k) / n)}%)`;
console.log(
  `attribution: ${n} annotated passages; passage found ${share(found)}; speaker and role exactly right in "speakers" ${share(inSpeakers)}, as the answer's speaker ${share(asSpeaker)} (name alone ${share(nameAsSpeaker)})`,
);
