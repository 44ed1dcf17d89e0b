// Secrets: the bot token never appears in a log line or an error message, whatever fails, in-process
// (log lines as the code writes them, before main.ts's redaction) or as the real process prints them
// (where even "[redacted]" would mean something tried to print it). And the bot never writes to its
// corpus folder.

import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseConfig } from '../src/config';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { describeLoginError } from '../src/discord/loginError';
import { startBot } from '../src/discord/startBot';
import { describeError } from '../src/log';
import { AnswerEngine } from '../src/search/engine';
import { FakeDiscord, type FakeInteraction } from './support/fakeDiscord';
import { nextButtonId } from './support/messages';
import { killChildren, realisticToken, runMain, waitFor } from './support/processes';

const RATE_LIMITED = {
  status: 429,
  headers: { 'retry-after': '0.05' },
  body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
};
const UNKNOWN_INTERACTION = { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
const fakes: FakeDiscord[] = [];
const folders: string[] = [];

afterEach(killChildren);
afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function startFake(token: string): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ token, callbackWindowMs: 3000 });
  fakes.push(fake);
  return fake;
}

function ask(fake: FakeDiscord, question: string): FakeInteraction {
  return fake.sendCommand({
    name: 'ask',
    options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
  });
}

/**
 * Every fault of faults.e2e.test.ts in a row, each followed by a question that must be answered:
 * 500 and 429 on a callback, 404 10062, the gateway closed with 4000 and dropped.
 */
async function runThroughFaults(fake: FakeDiscord, interactions: FakeInteraction[]): Promise<void> {
  const answered = async () => {
    const interaction = ask(fake, 'How long did the meeting last?');
    interactions.push(interaction);
    expect((await interaction.response(5000)).type).toBe(4);
  };
  fake.failNextCallback({ status: 500 });
  await answered();
  fake.failNextCallback(RATE_LIMITED);
  await answered();
  fake.failNextCallback(UNKNOWN_INTERACTION);
  const refused = ask(fake, 'Who is Paul Whelan?');
  interactions.push(refused);
  await waitFor(
    () => fake.requests.some((r) => r.path.includes(`/interactions/${refused.id}/`) && r.status === 404),
    5000,
    () => 'the refused callback',
  );
  await answered();
  const resumes = fake.resumes.length;
  fake.closeGateway(4000);
  await waitFor(
    () => fake.resumes.length > resumes,
    10_000,
    () => 'a RESUME after 4000',
  );
  await answered();
  fake.dropGatewayConnections();
  await answered();
}

/** Lines and messages that must not hold `token`, with the one that does for the failure message. */
function expectNoSecret(texts: readonly string[], secrets: readonly string[]): void {
  for (const secret of secrets) {
    const leak = texts.find((text) => text.includes(secret));
    expect(leak, `a secret leaked in: ${leak}`).toBeUndefined();
  }
}

describe('the token appears in no log line or error message', () => {
  it('in-process: every log line through 500, 429, 10062, 4000, a dropped connection and 4004', async () => {
    const token = realisticToken();
    const fake = await startFake(token);
    const engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
    const lines: string[] = [];
    const config = parseConfig({
      DISCORD_TOKEN: token,
      DISCORD_API_URL: fake.apiUrl,
      ASK_COOLDOWN_SECONDS: '0',
    });
    const bot = await startBot(config, engine, {
      log: (line) => lines.push(line),
      onFatal: (line) => lines.push(line),
    });
    const interactions: FakeInteraction[] = [];
    try {
      await runThroughFaults(fake, interactions);
      fake.closeGateway(4004);
      await waitFor(
        () => lines.some((line) => line.includes('disconnected for good')),
        5000,
        () => 'the fatal line',
      );
    } finally {
      await bot.stop();
    }
    // The faults were seen (so this is not vacuous) ...
    expect(lines.some((line) => /^could not respond to \/ask: .*Unknown interaction/.test(line))).toBe(true);
    expect(lines.some((line) => /DISCORD_TOKEN/.test(line))).toBe(true);
    // ... and neither the bot token nor any interaction's token (a 15-minute credential) is in a line.
    expectNoSecret(lines, [token, ...interactions.map((i) => i.token)]);
  });

  it('in-process: the errors of a rejected login (an unknown token, 401 on /gateway/bot)', async () => {
    const token = realisticToken();
    const fake = await startFake(token);
    const engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
    const texts: string[] = [];
    const collect = (error: unknown) => {
      const { message, stack } = error as Error;
      texts.push(String(error), message, stack ?? '', describeError(error), describeLoginError(error));
      texts.push(JSON.stringify(error, Object.getOwnPropertyNames(error)));
    };
    const wrong = realisticToken();
    const start = (t: string) =>
      startBot(parseConfig({ DISCORD_TOKEN: t, DISCORD_API_URL: fake.apiUrl }), engine, {
        log: (l) => texts.push(l),
      });
    // A token Discord does not know.
    collect(await start(wrong).catch((error: unknown) => error));
    // The right token, refused on /gateway/bot (reset a moment ago).
    fake.failNext(
      { method: 'GET', path: '/gateway/bot' },
      { status: 401, body: { message: '401: Unauthorized', code: 0 } },
    );
    collect(await start(token).catch((error: unknown) => error));
    expect(texts.filter((t) => t.includes('Discord rejected the token'))).not.toHaveLength(0);
    expectNoSecret(texts, [token, wrong]);
  });

  it('the real process: nothing it prints through every fault and a SIGTERM holds the token, not even redacted', async () => {
    const token = realisticToken();
    const fake = await startFake(token);
    const run = runMain({ DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl });
    await waitFor(
      () => run.stderr().includes('ready as'),
      30_000,
      () => `"ready as" (stderr: ${run.stderr()})`,
    );
    const interactions: FakeInteraction[] = [];
    await runThroughFaults(fake, interactions);
    // (A final 4004 as the real process meets it is in faults.e2e.test.ts.)
    run.signal('SIGTERM');
    expect(await run.exit).toBe(0);
    const output = run.stdout() + run.stderr();
    expect(output).toMatch(/could not respond to \/ask: .*Unknown interaction/);
    expect(output).toContain('SIGTERM: closing the connection to Discord');
    expectNoSecret([output], [token, ...interactions.map((i) => i.token)]);
    // main.ts blanks the token out of log lines as a last resort: here nothing even tried to print it.
    expect(output).not.toContain('[redacted]');
  }, 60_000);
});

interface FileState {
  size: number;
  mtimeMs: number;
  sha256: string;
}

/** Names, sizes, modification times and contents of everything in `dir`, and the folder's own mtime. */
async function snapshot(dir: string): Promise<Record<string, FileState | number>> {
  const state: Record<string, FileState | number> = { '.': (await stat(dir)).mtimeMs };
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry);
    const info = await stat(file);
    if (!info.isFile()) {
      state[entry] = info.mtimeMs;
      continue;
    }
    const sha256 = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    state[entry] = { size: info.size, mtimeMs: info.mtimeMs, sha256 };
  }
  return state;
}

describe('the bot never writes to its corpus folder', () => {
  // A copy of corpus/, so that the check cannot be upset by someone editing the real folder meanwhile.
  it('not during a Discord session, nor during a console session', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'askbot-readonly-'));
    folders.push(dir);
    await cp(path.join(PROJECT_ROOT, 'corpus'), dir, { recursive: true });
    const before = await snapshot(dir);
    expect(Object.keys(before).length).toBeGreaterThan(1);

    // Discord: questions, autocomplete, a button, /article and /help, through the real start-up code.
    const token = realisticToken();
    const fake = await startFake(token);
    const engine = AnswerEngine.build(await loadCorpus(dir));
    const config = parseConfig({ DISCORD_TOKEN: token, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: dir });
    const bot = await startBot(config, engine, { log: () => {} });
    try {
      const answer = await ask(fake, 'What did Blinken say about nuclear powers?').response(5000);
      const next = nextButtonId(answer.data);
      if (next) await fake.sendButton({ customId: next, userId: '3000000000000000009' }).response(5000);
      await fake
        .sendAutocomplete({
          name: 'ask',
          focused: 'question',
          options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'who' }],
        })
        .response(5000);
      await fake.sendCommand({ name: 'article' }).response(5000);
      await fake.sendCommand({ name: 'help' }).response(5000);
    } finally {
      await bot.stop();
    }

    // The console, as `npm start` without a token runs it.
    const run = runMain(
      { CORPUS_DIR: dir },
      'How long did the meeting last?\n/next\n/article\n/article blinken\n/help\nWhat is the capital of France?\n',
    );
    expect(await run.exit).toBe(0);
    expect(run.stdout()).toContain('10 minutes');

    expect(await snapshot(dir)).toEqual(before);
  }, 60_000);
});
