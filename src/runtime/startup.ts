// Start-up every command shares (npm start, shard processes, the CLIs): config, corpus, and how an
// operator's mistake ends the process: one line on stderr, no stack trace.
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../config';
import { CorpusError } from '../corpus/loadCorpus';
import { describeError, type Log } from '../log';
import type { AnswerEngine } from '../search/engine';
import { buildEngine } from './reload';

/** Writes one line to stderr (a shard process puts its shard id in front). */
export type WriteLine = (line: string) => void;

export const writeStderr: WriteLine = (line) => process.stderr.write(`${line}\n`);

/** Operator mistakes end the process with one line and no stack trace. */
export function exitWith(write: WriteLine, line: string): never {
  write(line);
  process.exit(1);
}

export function loadConfigOrExit(write: WriteLine): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWith(write, `config: ${error.message}`);
    throw error;
  }
}

/**
 * A command-line tool's configuration: the same as `npm start`'s (environment and .env, validated the
 * same way), with `--corpus DIR` taking the place of CORPUS_DIR when given. Empty means not given.
 */
export function loadCliConfigOrExit(corpusFlag: string | undefined, write: WriteLine = writeStderr): Config {
  const config = loadConfigOrExit(write);
  return corpusFlag?.trim() ? { ...config, corpusDir: path.resolve(corpusFlag) } : config;
}

/** Loads and indexes the corpus in `corpusDir`; a broken corpus ends the process with one `corpus:` line. */
export async function loadEngineOrExit(corpusDir: string, log: Log): Promise<AnswerEngine> {
  try {
    return await buildEngine(corpusDir, log);
  } catch (error) {
    if (error instanceof CorpusError) exitWith(log, `corpus: ${error.message}`);
    throw error;
  }
}

/** A stray promise must not take the bot down: log it and go on. */
export function logUnhandledRejections(log: Log): void {
  process.on('unhandledRejection', (reason) => log(`unhandled rejection: ${describeError(reason)}`));
}
