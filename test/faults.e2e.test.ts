// Discord faults, end to end: the project's own startBot runs a real discord.js Client against the
// loopback Discord stand-in, which enforces Discord's 3 s window (a late answer is refused, as Discord
// does) and injects one fault at a time. After every fault the bot must still be answering, without a
// crash, without a fatal callback, and with at most the one log line the fault deserves.

import path from 'node:path';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, parseConfig } from '../src/config';
import { markdownToText, plainStyle } from '../src/console/renderText';
import { loadCorpus } from '../src/corpus/loadCorpus';
import { type Bot, startBot } from '../src/discord/startBot';
import { AnswerEngine } from '../src/search/engine';
import { FakeDiscord, type FakeInteraction } from './support/fakeDiscord';
import { choicesOf, embedOf, nextButtonId } from './support/messages';
import { killChildren, realisticToken, runMain, waitFor } from './support/processes';

const DISCORD_WINDOW_MS = 3000;
/** A question that makes the engine stall for longer than Discord waits (see beforeAll). */
const STALL = 'stall-the-bot';

let fake: FakeDiscord;
let bot: Bot;
let engine: AnswerEngine;
const logs: string[] = [];
const fatal: string[] = [];
let userCounter = 0;

/** Blocks the whole process (the bot and the in-process stand-in alike) without spinning a core. */
function stallFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ callbackWindowMs: DISCORD_WINDOW_MS });
  engine = AnswerEngine.build(await loadCorpus(path.join(PROJECT_ROOT, 'corpus')));
  // A slow search, as a huge corpus or a starved CPU would make it: longer than Discord's window.
  const answer = engine.answer.bind(engine);
  engine.answer = (question, options) => {
    if (question.includes(STALL)) stallFor(DISCORD_WINDOW_MS + 200);
    return answer(question, options);
  };
  const config = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    ASK_COOLDOWN_SECONDS: '0',
  });
  bot = await startBot(config, engine, {
    log: (line) => logs.push(line),
    onFatal: (line) => fatal.push(line),
  });
  await fake.waitForReady();
  logs.length = 0;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

afterEach(() => {
  // No fault may leave the bot half-dead: still logged in, never told to give up.
  expect(fatal).toEqual([]);
  expect(bot.client.isReady()).toBe(true);
});

function ask(question: string): FakeInteraction {
  userCounter++;
  return fake.sendCommand({
    name: 'ask',
    options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
    userId: String(3000000000000000000n + BigInt(userCounter)),
  });
}

/** The status of every callback request made for `interaction`, in order. */
function callbackStatuses(interaction: { id: string; token: string }): number[] {
  return fake.requests
    .filter(
      (r) =>
        r.method === 'POST' &&
        r.path === `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`,
    )
    .map((r) => r.status);
}

/** Asks the question every test ends with: the bot answers it, with the passage, within Discord's window. */
async function expectAnswering(): Promise<void> {
  const { type, data, elapsedMs } = await ask('How long did the meeting last?').response(5000);
  expect(type).toBe(4);
  expect(elapsedMs).toBeLessThan(DISCORD_WINDOW_MS);
  expect(markdownToText(embedOf(data).description ?? '', plainStyle)).toContain('10 minutes');
}

describe('REST faults on the interaction callback', () => {
  it('500 once on the callback: discord.js retries, the answer arrives within 3 s, nothing logged', async () => {
    fake.failNextCallback({ status: 500 });
    const interaction = ask('Who is Paul Whelan?');
    const { type, elapsedMs } = await interaction.response(5000);
    expect(type).toBe(4);
    expect(elapsedMs).toBeLessThan(DISCORD_WINDOW_MS);
    expect(callbackStatuses(interaction)).toEqual([500, 204]);
    expect(logs).toEqual([]);
    await expectAnswering();
  });

  it('500 once on an autocomplete and on a button callback: both retried and delivered', async () => {
    fake.failNextCallback({ status: 500 });
    const typing = fake.sendAutocomplete({
      name: 'ask',
      focused: 'question',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'blinken' }],
    });
    const choices = await typing.response(5000);
    expect(choices.type).toBe(8);
    expect(choicesOf(choices.data).length).toBeGreaterThan(0);
    expect(callbackStatuses(typing)).toEqual([500, 204]);

    const first = await ask('What did Blinken say about nuclear powers?').response(5000);
    const next = nextButtonId(first.data) ?? '';
    expect(next).toMatch(/^ask:next:/);
    fake.failNextCallback({ status: 500 });
    const press = fake.sendButton({ customId: next });
    const pressed = await press.response(5000);
    expect(pressed.type).toBe(4);
    expect(pressed.elapsedMs).toBeLessThan(DISCORD_WINDOW_MS);
    expect(callbackStatuses(press)).toEqual([500, 204]);
    expect(logs).toEqual([]);
  });

  it('429 with retry-after on the callback: waited out, answered within 3 s, nothing logged', async () => {
    fake.failNextCallback({
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You are being rate limited.', retry_after: 1, global: false },
    });
    const interaction = ask('Who is Maria Zakharova?');
    const { type, elapsedMs } = await interaction.response(5000);
    expect(type).toBe(4);
    expect(elapsedMs).toBeLessThan(DISCORD_WINDOW_MS);
    expect(callbackStatuses(interaction)).toEqual([429, 204]);
    expect(logs).toEqual([]);
    await expectAnswering();
  });

  it('404 code 10062 (the 3 s window passed while the bot was stalled): one log line, no crash, next question answered', async () => {
    const late = ask(`${STALL}: how long did the meeting last?`);
    await waitFor(
      () => logs.length > 0,
      15_000,
      () => 'a log line about the refused answer',
    );
    // Discord's window, enforced by the stand-in, refused the late answer; nothing was retried.
    expect(callbackStatuses(late)).toEqual([404]);
    await expect(late.response(50)).rejects.toThrow(/no interaction callback/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^could not respond to \/ask: .*Unknown interaction/);
    logs.length = 0;
    await expectAnswering();
    expect(logs).toEqual([]);
  });

  it('404 code 10062 injected on a button press: one log line, the next press answered', async () => {
    const first = await ask('What did Blinken say about nuclear powers?').response(5000);
    const next = nextButtonId(first.data) ?? '';
    fake.failNextCallback({ status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    fake.sendButton({ customId: next });
    await waitFor(
      () => logs.length > 0,
      5000,
      () => 'a log line',
    );
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^could not respond to interaction type 3: .*Unknown interaction/);
    logs.length = 0;
    const again = await fake.sendButton({ customId: next }).response(5000);
    expect(again.type).toBe(4);
    expect(logs).toEqual([]);
  });
});

describe('gateway faults', () => {
  it('gateway closes with 4000 (unknown error): discord.js resumes the session, the bot answers again', async () => {
    const identifies = fake.identifies.length;
    const resumes = fake.resumes.length;
    fake.closeGateway(4000);
    await waitFor(
      () => fake.resumes.length > resumes,
      10_000,
      () => 'a RESUME',
    );
    expect(fake.identifies).toHaveLength(identifies);
    await expectAnswering();
    expect(logs).toEqual([]);
  });

  it('gateway connection dropped without a close frame (1006): resumed, and a question asked meanwhile is answered', async () => {
    const resumes = fake.resumes.length;
    fake.dropGatewayConnections();
    // Sent while the bot is disconnected: the stand-in keeps it for the session, as Discord does.
    const meanwhile = ask('How long did the meeting last?');
    const { type, data, elapsedMs } = await meanwhile.response(5000);
    expect(type).toBe(4);
    expect(elapsedMs).toBeLessThan(DISCORD_WINDOW_MS);
    expect(markdownToText(embedOf(data).description ?? '', plainStyle)).toContain('10 minutes');
    expect(fake.resumes.length).toBeGreaterThan(resumes);
    await expectAnswering();
    expect(logs).toEqual([]);
  });

  it('gateway closes with 4007 (session cannot be resumed): discord.js identifies again, the bot answers again', async () => {
    const identifies = fake.identifies.length;
    fake.closeGateway(4007);
    // discord.js spaces identifies 5 s apart (max_concurrency 1), as Discord requires.
    await fake.waitForReady(identifies + 1, 15_000);
    await expectAnswering();
    expect(logs).toEqual([]);
  });
});

describe('start-up faults', () => {
  it('500 once on /gateway/bot at login: discord.js retries and the bot starts', async () => {
    const other = await FakeDiscord.start();
    other.failNext({ method: 'GET', path: '/gateway/bot' }, { status: 500 });
    const config = parseConfig({ DISCORD_TOKEN: other.token, DISCORD_API_URL: other.apiUrl });
    const lines: string[] = [];
    const second = await startBot(config, engine, { log: (line) => lines.push(line) });
    try {
      expect(other.requests.filter((r) => r.path === '/api/v10/gateway/bot').map((r) => r.status)).toEqual([
        500, 200,
      ]);
      const { type } = await other.sendCommand({ name: 'help' }).response(5000);
      expect(type).toBe(4);
      expect(lines.filter((line) => !line.startsWith('ready as '))).toEqual([]);
    } finally {
      await second.stop();
      await other.close();
    }
  });
});

// 401 on /gateway/bot (a wrong or reset token at start-up) as the real process meets it is in
// bot.e2e.test.ts; secrets.test.ts checks the errors of a 401 in-process for the token.
describe('authentication faults, as the real process (tsx src/main.ts) meets them', () => {
  afterEach(killChildren);

  it('close code 4004 (authentication failed) after start-up: one line about the token, exit 1, token not printed', async () => {
    const token = realisticToken();
    const own = await FakeDiscord.start({ token });
    try {
      const run = runMain({ DISCORD_TOKEN: token, DISCORD_API_URL: own.apiUrl });
      await waitFor(
        () => run.stderr().includes('ready as'),
        30_000,
        () => `"ready as" (stderr: ${run.stderr()})`,
      );
      own.closeGateway(4004);
      const code = await run.exit;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      const output = run.stdout() + run.stderr();
      const aboutToken = output.split('\n').filter((line) => /token/i.test(line));
      expect(aboutToken).toHaveLength(1);
      expect(aboutToken[0]).toContain('DISCORD_TOKEN');
      expect(output).not.toContain(token);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await own.close();
    }
  }, 60_000);
});
