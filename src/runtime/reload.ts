// Reloading the corpus without a restart (SIGHUP): the new engine is built aside and swapped in whole,
// so an interaction is answered from the old corpus or the new one, never from a mix.
import { CorpusError, loadCorpus } from '../corpus/loadCorpus';
import { describeError, type Log } from '../log';
import { plural } from '../reply/plural';
import { AnswerEngine } from '../search/engine';

/** What the sharding manager sends a shard process over IPC when it gets SIGHUP. */
export const RELOAD_MESSAGE = { askbot: 'reload' } as const;

export function isReloadMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { askbot?: unknown }).askbot === RELOAD_MESSAGE.askbot
  );
}

/** Reads every article in `corpusDir` and indexes it. A broken file throws a CorpusError naming it. */
export async function buildEngine(corpusDir: string, log: Log): Promise<AnswerEngine> {
  const corpus = await loadCorpus(corpusDir, { onWarning: (message) => log(`corpus: ${message}`) });
  return AnswerEngine.build(corpus);
}

/**
 * Runs reloads one at a time: a request while one runs queues exactly one more (the files may have
 * changed after the running one read them); more requests meanwhile add nothing. Requests made before
 * `serve` (during start-up) are kept and run once it is called.
 */
export class CorpusReloader {
  private apply: ((engine: AnswerEngine) => void) | undefined;
  private running: Promise<void> | undefined;
  private queued = false;

  constructor(
    private readonly corpusDir: string,
    private readonly log: Log,
    private readonly load: (corpusDir: string, log: Log) => Promise<AnswerEngine> = buildEngine,
  ) {}

  /** From now on a successful reload hands its engine to `apply`. */
  serve(apply: (engine: AnswerEngine) => void): void {
    this.apply = apply;
    if (this.queued) this.request();
  }

  request(): void {
    if (!this.apply || this.running) {
      this.queued = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves once no reload is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    do {
      this.queued = false;
      await this.reloadOnce();
    } while (this.queued);
  }

  private async reloadOnce(): Promise<void> {
    let engine: AnswerEngine;
    try {
      engine = await this.load(this.corpusDir, this.log);
    } catch (error) {
      const problem = error instanceof CorpusError ? `corpus: ${error.message}` : describeError(error);
      this.log(`reload failed, still answering from the previous corpus: ${problem}`);
      return;
    }
    this.apply?.(engine);
    const { articles, passages } = engine.corpus;
    this.log(`reloaded ${plural(articles.length, 'article')}, ${plural(passages.length, 'passage')}`);
  }
}
