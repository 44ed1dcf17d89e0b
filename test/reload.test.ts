import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { CorpusError } from '../src/corpus/loadCorpus';
import { CorpusReloader, isReloadMessage, RELOAD_MESSAGE } from '../src/runtime/reload';
import type { AnswerEngine } from '../src/search/engine';
import { FakeDiscord, type MessageBody } from './support/fakeDiscord';
import { buttonsOf, customIdOf, embedOf, isEphemeral } from './support/messages';
import { cleanEnv, type Spawned, spawnScript, waitFor } from './support/processes';

/** Only this article answers it: before it is added the bot abstains. */
const NEW_QUESTION = 'How many steps does the lighthouse have?';
const NEW_ARTICLE = `---
title: "Harbour lighthouse reopens after restoration"
published: 2024-05-14
---
The old harbour lighthouse in Porthgwidden reopened to visitors on Saturday after a two-year restoration.

The restoration cost 4.2 million euros, paid for by the regional council and a local fishing cooperative.

Visitors can climb the 112 steps to the lantern room every weekend from May to September.
`;
/** No title: the corpus loader refuses the file (and with it the whole reload). */
const BROKEN_ARTICLE = `---
published: 2024-05-15
---
A paragraph without a title above it.
`;

type Running = Spawned;

const cleanups: Array<() => unknown> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temporary corpus folder holding a copy of the project's articles. */
function copyCorpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'askbot-corpus-'));
  for (const name of readdirSync(path.join(PROJECT_ROOT, 'corpus'))) {
    if (name.endsWith('.md')) copyFileSync(path.join(PROJECT_ROOT, 'corpus', name), path.join(dir, name));
  }
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The bot process itself (no tsx CLI in between, so a signal reaches it), from an empty folder. */
function startMain(env: Record<string, string>): Running {
  const run = spawnScript('src/main.ts', {
    cwd: mkdtempSync(path.join(tmpdir(), 'askbot-')),
    env: cleanEnv({ ASK_COOLDOWN_SECONDS: '0', NO_COLOR: '1', ...env }),
  });
  cleanups.push(async () => {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGKILL');
      await run.exit;
    }
  });
  return run;
}

/**
 * Waits for the next stderr line matching `pattern` after the first `from` characters. Generous: on a
 * busy two-core machine a tsx process can take many seconds to start.
 */
async function nextLine(run: Running, from: number, pattern: RegExp, timeoutMs = 45_000): Promise<string> {
  let found: string | undefined;
  await waitFor(
    () => {
      found = run
        .stderr()
        .slice(from)
        .split('\n')
        .find((line) => pattern.test(line));
      return found !== undefined;
    },
    timeoutMs,
    () => `a line matching ${pattern} (stderr: ${run.stderr()})`,
  );
  return found as string;
}

/** The quoted passage of an answer, without the bold that highlights the question's words. */
function quoteOf(data: MessageBody): string {
  return String(data.embeds?.[0]?.description ?? '').replaceAll('**', '');
}

function nextButton(data: MessageBody): string {
  const next = buttonsOf(data).find((button) => 'label' in button && button.label === 'Next best passage');
  const customId = customIdOf(next);
  if (typeof customId !== 'string')
    throw new Error(`no "Next best passage" button in ${JSON.stringify(data)}`);
  return customId;
}

describe('SIGHUP reloads the corpus of the running bot', () => {
  it('answers from an added article, expires old buttons, and keeps the old corpus when a file is broken', async () => {
    const corpusDir = copyCorpus();
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.close());
    const run = startMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpusDir,
      // Empty means unset, also for discord.js (which on its own would take SHARD_COUNT= as 0 and refuse it).
      SHARD_COUNT: '',
      SHARD_LIST: '',
    });
    await nextLine(run, 0, /ready as AskBot in 1 server/);
    const ask = (question: string) =>
      fake
        .sendCommand({
          name: 'ask',
          options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
        })
        .response();

    const before = await ask(NEW_QUESTION);
    expect(isEphemeral(before.data)).toBe(true);
    expect(before.data.content).toContain('does not answer');
    const oldButton = nextButton((await ask('What did Blinken say about nuclear powers?')).data);

    writeFileSync(path.join(corpusDir, 'harbour-lighthouse.md'), NEW_ARTICLE);
    let mark = run.stderr().length;
    run.child.kill('SIGHUP');
    expect(await nextLine(run, mark, /reload/)).toMatch(/^reloaded 2 articles, \d+ passages$/);

    const after = await ask(NEW_QUESTION);
    expect(after.type).toBe(4);
    expect(quoteOf(after.data)).toContain('112 steps');
    // The passages were numbered anew: a button from before the reload must not show the wrong one.
    const stale = await fake.sendButton({ customId: oldButton }).response();
    expect(stale.data.content).toContain('This button has expired');
    const newButton = nextButton((await ask('What did Blinken say about nuclear powers?')).data);
    expect(newButton).not.toBe(oldButton);
    const pressed = await fake.sendButton({ customId: newButton }).response();
    expect(embedOf(pressed.data).footer?.text).toBe('Next best passage');

    writeFileSync(path.join(corpusDir, 'broken.md'), BROKEN_ARTICLE);
    mark = run.stderr().length;
    run.child.kill('SIGHUP');
    const failure = await nextLine(run, mark, /reload/);
    expect(failure).toMatch(
      /^reload failed, still answering from the previous corpus: corpus: .*broken\.md: /,
    );
    expect(failure).not.toContain('\n');
    // Still the engine of the last good reload: the new article answers, the buttons it made still work.
    expect(quoteOf((await ask(NEW_QUESTION)).data)).toContain('112 steps');
    expect(quoteOf((await ask('How long did the meeting last?')).data)).toContain('10 minutes');
    const stillValid = await fake.sendButton({ customId: newButton }).response();
    expect(embedOf(stillValid.data).footer?.text).toBe('Next best passage');

    run.child.kill('SIGTERM');
    expect(await fake.waitForClientClose(10_000)).toBe(1000);
    expect(await run.exit).toBe(0);
  }, 150_000);

  it('reloads the local console too', async () => {
    const corpusDir = copyCorpus();
    const run = startMain({ DISCORD_TOKEN: '', CORPUS_DIR: corpusDir });
    run.child.stdin?.write(`${NEW_QUESTION}\n`);
    await waitFor(
      () => run.stdout().includes('does not answer'),
      45_000,
      () => `the abstention (stdout: ${run.stdout()}, stderr: ${run.stderr()})`,
    );
    expect(run.stdout()).not.toContain('112 steps');

    writeFileSync(path.join(corpusDir, 'harbour-lighthouse.md'), NEW_ARTICLE);
    const mark = run.stderr().length;
    run.child.kill('SIGHUP');
    expect(await nextLine(run, mark, /reload/)).toMatch(/^reloaded 2 articles, \d+ passages$/);
    run.child.stdin?.end(`${NEW_QUESTION}\n`);
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain('112 steps');
  }, 120_000);
});

describe('CorpusReloader', () => {
  /** A reloader over a fake load: each call returns a distinct engine stand-in, or throws `fail`. */
  function setup() {
    const lines: string[] = [];
    const applied: number[] = [];
    let calls = 0;
    let fail: Error | undefined;
    let release: (() => void) | undefined;
    let gate: Promise<void> | undefined;
    const load = async () => {
      const call = ++calls;
      if (gate) await gate;
      if (fail) throw fail;
      return { call, corpus: { articles: [{}], passages: [{}, {}] } } as unknown as AnswerEngine;
    };
    const reloader = new CorpusReloader('/corpus', (line) => lines.push(line), load);
    reloader.serve((engine) => applied.push((engine as unknown as { call: number }).call));
    return {
      reloader,
      lines,
      applied,
      calls: () => calls,
      hold() {
        gate = new Promise((resolve) => {
          release = resolve;
        });
      },
      release() {
        gate = undefined;
        release?.();
      },
      failWith(error: Error | undefined) {
        fail = error;
      },
    };
  }

  it('runs one reload at a time, and one more for any requests made meanwhile', async () => {
    const s = setup();
    s.hold();
    s.reloader.request();
    s.reloader.request();
    s.reloader.request();
    s.release();
    await s.reloader.idle();
    expect(s.calls()).toBe(2);
    expect(s.applied).toEqual([1, 2]);
    expect(s.lines).toEqual(['reloaded 1 article, 2 passages', 'reloaded 1 article, 2 passages']);
  });

  it('keeps the engine it has when the corpus is broken, with one line naming the problem', async () => {
    const s = setup();
    s.failWith(new CorpusError('/corpus/bad.md: title is required'));
    s.reloader.request();
    await s.reloader.idle();
    expect(s.applied).toEqual([]);
    expect(s.lines).toEqual([
      'reload failed, still answering from the previous corpus: corpus: /corpus/bad.md: title is required',
    ]);
  });

  it('keeps a request made during start-up until it can serve one', async () => {
    const applied: string[] = [];
    const engine = { corpus: { articles: [], passages: [] } } as unknown as AnswerEngine;
    const reloader = new CorpusReloader(
      '/corpus',
      () => {},
      async () => engine,
    );
    reloader.request();
    await reloader.idle();
    expect(applied).toEqual([]);
    reloader.serve(() => applied.push('applied'));
    await reloader.idle();
    expect(applied).toEqual(['applied']);
  });

  it('recognises the manager’s reload message and nothing else', () => {
    expect(isReloadMessage(structuredClone(RELOAD_MESSAGE))).toBe(true);
    for (const other of [null, 'reload', { askbot: 'stop' }, { _eval: 'x' }])
      expect(isReloadMessage(other)).toBe(false);
  });
});
