import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleMeta } from './types';

/** YAML reads an unquoted 2023-03-02 as a Date and a quoted one as a string: both are accepted. */
const isoDate = z
  .union([z.string(), z.date()], { error: 'must be a date like 2023-03-02' })
  .transform((value, context) => {
    const text =
      value instanceof Date
        ? Number.isNaN(value.getTime())
          ? ''
          : value.toISOString().slice(0, 10)
        : value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
      context.addIssue({ code: 'custom', message: 'must be a date like 2023-03-02' });
      return z.NEVER;
    }
    const parsed = new Date(`${text}T00:00:00Z`);
    // 2023-02-30 parses (as 2 March): a real calendar date reads back the same.
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
      context.addIssue({ code: 'custom', message: 'is not a real calendar date' });
      return z.NEVER;
    }
    return text;
  });

const frontMatterSchema = z.object({
  title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty'),
  published: isoDate,
  outlet: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Body lines that are not part of the article (a linked story's headline): kept verbatim, never answered from. */
  exclude: z.array(z.string()).default([]),
});

export interface ParsedArticleFile {
  meta: ArticleMeta;
  exclude: string[];
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a Markdown article into validated front matter and body.
 * Throws an Error whose message is one line naming the problem (the caller adds the file name).
 */
export function parseArticleFile(source: string): ParsedArticleFile {
  const match = FRONT_MATTER.exec(source);
  if (!match)
    throw new Error(
      'no front matter: the file must start with a --- block holding at least title and published',
    );
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new Error(`front matter is not valid YAML (${firstLine(error)})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('front matter must be a YAML mapping with title and published');
  }
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || 'front matter';
    const missing =
      issue?.path.length === 1 && (data as Record<string, unknown>)[String(issue.path[0])] === undefined;
    const message = missing ? 'is required' : issue?.message;
    throw new Error(`${field} ${message}`);
  }
  const { exclude, ...meta } = result.data;
  const body = source.slice(match[0].length);
  if (!body.trim()) throw new Error('the article body is empty');
  return { meta: dropUndefined(meta), exclude, body };
}

function dropUndefined(meta: ArticleMeta): ArticleMeta {
  return Object.fromEntries(
    Object.entries(meta).filter(([, v]) => v !== undefined),
  ) as unknown as ArticleMeta;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}
