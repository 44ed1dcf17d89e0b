/**
 * `npm run bench:bot [-- --total 2000 --burst 100]`: the bot under load, end to end. The loopback
 * Discord stand-in (from test/support) and the project's own startBot run in this process; a real
 * discord.js Client logs in and answers /ask interactions sent in bursts (all of a burst at once, the
 * next burst when the last one is answered), with Discord's 3 s window enforced by the stand-in.
 * Prints how many were answered, the time to first response as the stand-in measures it (dispatch →
 * callback), the handler's own time, and memory before and after (after a GC when run with
 * `node --expose-gc --import tsx test/bench/benchBot.ts`). A benchmark that prints figures, not a test.
 */
import { parseArgs } from 'node:util';
import { Events } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { canForceGc, mb, ms, percentile } from '../../src/cli/benchStats';
import { parseConfig } from '../../src/config';
import { startBot } from '../../src/discord/startBot';
import { createLog } from '../../src/log';
import { loadConfigOrExit, loadEngineOrExit, writeStderr } from '../../src/runtime/startup';
import { FakeDiscord, type FakeInteraction } from '../support/fakeDiscord';

const USAGE = 'usage: npm run bench:bot -- [--total 2000] [--burst 100]';
const DISCORD_WINDOW_MS = 3000;

/** What people ask, typos and all; what they ask that the article does not cover; and odd input. */
const QUESTIONS = [
  'How long did the meeting last?',
  'Who did Blinken meet?',
  'Who said the talk lasted ten minutes?',
  'Where did Blinken and Lavrov meet?',
  'What did Blinken tell Lavrov about the war?',
  'Who is Paul Whelan?',
  'What did Maria Zakharova say?',
  'Why is the meeting between the US and Russia important?',
  'What happened to the nuclear arms treaty?',
  'What did Blinken say about nuclear powers?',
  'Was Brittney Griner mentioned?',
  'how lnog was the meetng',
  'who sed it was an oportunity',
  'blinkin lavrov tlak',
  'WHEN DID THEY MEET???',
  'what did the russian foreign ministry deny',
  'New START',
  'peace plan',
  'What is the capital of France?',
  'Who won the World Cup in 2022?',
  'How do I bake sourdough bread?',
  'What is the price of bitcoin today?',
  'Tell me a joke',
  '@everyone what did Blinken say? <@&123456789012345678>',
  '**bold** _italic_ ||spoiler|| `code` [link](https://example.com)',
  '\'exact !not ^prefix suffix$ =equal | or "quoted"',
  '😀🎉👩‍👩‍👧‍👦🇺🇦 meeting?',
  '\u202ehow long did the meeting last\u202c \u200b\u200d\ufeff',
  'مرحبا שלום 你好 how long?',
  '   ',
  '?',
  `${'Blinken Lavrov meeting nuclear treaty how long '.repeat(130)}`.slice(0, 6000),
  `${'x'.repeat(5000)} how long did the meeting last?`,
];

function options() {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        total: { type: 'string', default: '2000' },
        burst: { type: 'string', default: '100' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const total = Number(values.total);
    const burst = Number(values.burst);
    if (!(Number.isInteger(total) && total > 0 && Number.isInteger(burst) && burst > 0)) throw new Error();
    return { total, burst };
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
}

const forceGc = (globalThis as { gc?: () => void }).gc;

function memory(): { rss: number; heap: number } {
  forceGc?.();
  forceGc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
}

interface StandInInternals {
  state: { interactions: Map<string, unknown>; messages: Map<string, unknown> };
  gateway: { sessions: Array<{ log: unknown[] }> };
}

/**
 * The stand-in runs in this process and keeps every request, interaction, message and dispatch (for
 * tests to inspect, and to replay on RESUME): forgotten after each burst, so that the memory figures are
 * the bot's. (A cast to reach its private state: this is a bench script.)
 */
function forgetRecords(fake: FakeDiscord): void {
  fake.requests.length = 0;
  const { state, gateway } = fake as unknown as StandInInternals;
  state.interactions.clear();
  state.messages.clear();
  for (const session of gateway.sessions) session.log.length = 0;
}

const { total, burst } = options();
// The corpus as `npm start` would read it (CORPUS_DIR from the environment or .env); Discord is the stand-in.
const engine = await loadEngineOrExit(loadConfigOrExit(writeStderr).corpusDir, createLog(writeStderr));
const fake = await FakeDiscord.start({ callbackWindowMs: DISCORD_WINDOW_MS });
const config = parseConfig({
  DISCORD_TOKEN: fake.token,
  DISCORD_API_URL: fake.apiUrl,
  ASK_COOLDOWN_SECONDS: '0',
});
const logLines: string[] = [];
const bot = await startBot(config, engine, { log: (line) => logLines.push(line) });
await fake.waitForReady();

// The handler's own time: from the first InteractionCreate listener to the one after startBot's, which
// covers everything the handler does before it waits on the network (options → engine → reply data).
const handlerStarts = new Map<string, number>();
const handlerMs: number[] = [];
bot.client.prependListener(Events.InteractionCreate, (interaction) => {
  handlerStarts.set(interaction.id, performance.now());
});
bot.client.on(Events.InteractionCreate, (interaction) => {
  const started = handlerStarts.get(interaction.id);
  if (started !== undefined) handlerMs.push(performance.now() - started);
  handlerStarts.delete(interaction.id);
});

/** Deterministic pseudo-random numbers (mulberry32), so two runs ask the same questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** People rarely type the same thing twice: a slip of the finger, no capitals, a greeting. */
function vary(question: string, next: () => number): string {
  let text = question;
  const words = text.split(' ');
  const at = Math.floor(next() * words.length);
  const word = words[at] ?? '';
  if (word.length > 3 && next() < 0.6) {
    const i = 1 + Math.floor(next() * (word.length - 2));
    words[at] = word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    text = words.join(' ');
  }
  if (next() < 0.3) text = text.toLowerCase();
  if (next() < 0.15) text = `hey bot, ${text}`;
  if (next() < 0.15) text = `${text} thanks`;
  return text.slice(0, 6000);
}

const pick = random(42);
const asked = new Set<string>();
let sent = 0;
function ask(): FakeInteraction {
  const question = vary(QUESTIONS[sent % QUESTIONS.length] ?? '', pick);
  asked.add(question);
  sent++;
  return fake.sendCommand({
    name: 'ask',
    options: [
      { name: 'question', type: ApplicationCommandOptionType.String, value: question },
      ...(sent % 7 === 0
        ? [{ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true }]
        : []),
    ],
    // A distinct user each time, as well as no cooldown: every question reaches the engine.
    userId: String(4000000000000000000n + BigInt(sent)),
  });
}

// Warm-up outside the figures (JIT, lazy WordNet data), then the baseline.
for (const interaction of Array.from({ length: QUESTIONS.length }, ask)) await interaction.response(10_000);
handlerMs.length = 0;
forgetRecords(fake);
asked.clear();
sent = 0;
const before = memory();
const heapAfterBurst: number[] = [];

const firstResponseMs: number[] = [];
let answered = 0;
let embeds = 0;
let refused = 0;
let missing = 0;
const started = performance.now();
while (sent < total) {
  const interactions = Array.from({ length: Math.min(burst, total - sent) }, ask);
  const results = await Promise.allSettled(interactions.map((i) => i.response(10_000)));
  for (const result of results) {
    if (result.status === 'fulfilled') {
      answered++;
      firstResponseMs.push(result.value.elapsedMs);
      if (result.value.data?.embeds?.length) embeds++;
    } else missing++;
  }
  // Callbacks the stand-in refused (404 10062: later than 3 s, or 400: over a limit).
  refused += fake.requests.filter((r) => r.path.endsWith('/callback') && r.status >= 400).length;
  forgetRecords(fake);
  if (sent % 500 === 0 || sent === total) heapAfterBurst.push(memory().heap);
}
const wallMs = performance.now() - started;
const after = memory();
const withinWindow = firstResponseMs.filter((x) => x < DISCORD_WINDOW_MS).length;

console.log(
  `bench:bot: ${total} /ask interactions in bursts of ${burst} (${asked.size} distinct questions from ${QUESTIONS.length} kinds), Discord's 3 s window enforced`,
);
console.log(
  `answered: ${answered}/${total} (${withinWindow} within 3 s; ${embeds} quoted a passage, ${answered - embeds} abstained or said why not); refused by the stand-in: ${refused}; no response: ${missing}`,
);
console.log(
  `time to first response (dispatch → callback, measured by the stand-in): p50 ${ms(percentile(firstResponseMs, 0.5))} ms, p99 ${ms(percentile(firstResponseMs, 0.99))} ms, max ${ms(Math.max(...firstResponseMs))} ms`,
);
console.log(
  `handler time (options → engine → reply data, before the network): p50 ${ms(percentile(handlerMs, 0.5))} ms, p99 ${ms(percentile(handlerMs, 0.99))} ms, max ${ms(Math.max(...handlerMs))} ms`,
);
console.log(
  `throughput: ${((total / wallMs) * 1000).toFixed(0)} interactions/s over ${(wallMs / 1000).toFixed(1)} s`,
);
console.log(
  `memory${canForceGc ? ' (after a full GC)' : ' (no GC forced: run with node --expose-gc --import tsx for steadier figures)'}: before RSS ${mb(before.rss)} MB, heap ${mb(before.heap)} MB; after RSS ${mb(after.rss)} MB, heap ${mb(after.heap)} MB; heap every 500: ${heapAfterBurst.map(mb).join(', ')} MB`,
);
console.log(
  `discord.js caches after the run: ${bot.client.users.cache.size} users, ${bot.client.guilds.cache.reduce((n, g) => n + g.members.cache.size, 0)} members`,
);
const problems = logLines.filter((line) => !line.startsWith('ready as '));
if (problems.length) console.log(`log lines: ${problems.length}, first: ${problems[0]}`);

await bot.stop();
await fake.close();
if (withinWindow < total) {
  console.error(
    `bench:bot: ${total - withinWindow} interactions were not answered within Discord's 3 s window`,
  );
  process.exitCode = 1;
}
