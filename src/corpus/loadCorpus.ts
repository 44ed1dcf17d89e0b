import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArticleFile } from './frontMatter';
import { splitPassages } from './splitPassages';
import type { Article, Corpus, Passage } from './types';

/** A corpus problem an operator must fix; `message` is one line naming the file and the problem. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Articles are prose: anything larger is a mistake (a data dump, a binary), not an article. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

const READ_BATCH = 32;

export interface LoadOptions {
  /** Told about files that are skipped (not Markdown). Defaults to a line on stderr. */
  onWarning?: (message: string) => void;
}

/**
 * Reads every `*.md` article in `dir`, validates it and splits it into passages. Any bad file stops the
 * whole load with a CorpusError: the bot never answers from half a corpus.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const warn = options.onWarning ?? ((message: string) => console.warn(`corpus: ${message}`));
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new CorpusError(`${dir} is not a folder`);
    names = (await readdir(dir)).sort();
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError(
      `cannot read the corpus folder ${dir} (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }

  const files: string[] = [];
  for (const name of names) {
    const file = join(dir, name);
    if (name.startsWith('.')) continue;
    if (!name.toLowerCase().endsWith('.md')) {
      warn(`skipping ${file}: not a Markdown (.md) article`);
      continue;
    }
    if (name.toLowerCase() !== 'readme.md') files.push(file);
  }
  // Files are read a batch at a time (a thousand articles read one by one wait on the disk a thousand
  // times); the first bad file in name order is the one reported.
  const articles: Article[] = [];
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const results = await Promise.allSettled(files.slice(i, i + READ_BATCH).map(readArticle));
    for (const result of results) {
      if (result.status === 'rejected') throw result.reason;
      articles.push(result.value);
    }
  }
  if (articles.length === 0) throw new CorpusError(`${dir} holds no articles (*.md files with front matter)`);
  return buildCorpus(articles);
}

/** Passages of every article, numbered across the corpus; also checks what only the whole corpus shows. */
export function buildCorpus(articles: Article[]): Corpus {
  const seenTitles = new Map<string, string>();
  for (const article of articles) {
    const key = article.meta.title.toLowerCase();
    const other = seenTitles.get(key);
    if (other)
      throw new CorpusError(`${article.file}: the title "${article.meta.title}" is already used by ${other}`);
    seenTitles.set(key, article.file);
  }
  const passages: Passage[] = [];
  for (const article of articles) {
    const split = splitPassages(article.body, article.excludedLines);
    if (split.length === 0)
      throw new CorpusError(`${article.file}: the body has no paragraphs to answer from`);
    for (const passage of split) passages.push({ ...passage, id: passages.length, articleId: article.id });
  }
  return { articles, passages };
}

async function readArticle(file: string): Promise<Article> {
  const fail = (problem: string): never => {
    throw new CorpusError(`${file}: ${problem}`);
  };
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) fail('is not a file');
    if (info.size > MAX_ARTICLE_BYTES)
      fail(`is ${(info.size / 1024 / 1024).toFixed(1)} MB; an article may be at most 1 MB`);
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  if (bytes.includes(0)) fail('is a binary file, not Markdown text');
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not valid UTF-8 text');
  }
  try {
    const { meta, exclude, body } = parseArticleFile(source);
    return { id: basename(file).replace(/\.md$/i, ''), file, meta, body, excludedLines: exclude };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}
