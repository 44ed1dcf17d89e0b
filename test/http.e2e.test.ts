// The HTTP interactions endpoint checked from outside, as Discord and an operator meet it: the real
// `npm run start:http` process on 127.0.0.1, requests signed with a key pair made here.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config';
import { type HttpBot, post, postSigned, startHttp } from './support/httpEndpoint';
import { waitFor } from './support/processes';
import { Signer } from './support/signing';

const EPHEMERAL = 64;
const STRING = 3;
const BOOLEAN = 5;
const QUESTION = 'How long did the meeting last?';
const SEED_USER = '3000000000000000001';

const signer = new Signer();
let bot: HttpBot;
let corpusDir: string;

beforeAll(async () => {
  corpusDir = mkdtempSync(path.join(tmpdir(), 'askbot-http-corpus-'));
  for (const name of readdirSync(path.join(PROJECT_ROOT, 'corpus'))) {
    if (name.endsWith('.md'))
      copyFileSync(path.join(PROJECT_ROOT, 'corpus', name), path.join(corpusDir, name));
  }
  bot = await startHttp({
    DISCORD_PUBLIC_KEY: signer.publicKeyHex,
    CORPUS_DIR: corpusDir,
    ASK_COOLDOWN_SECONDS: '5',
  });
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exit;
  }
  rmSync(corpusDir, { recursive: true, force: true });
});

let serial = 0;
/** An interaction as Discord POSTs it (the fields the bot reads, plus a few it must ignore). */
function interaction(type: number, data: unknown, userId = SEED_USER) {
  const id = String(1_200_000_000_000_000_000n + BigInt(++serial));
  return {
    id,
    application_id: '1000000000000000001',
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: '2000000000000000001',
    channel_id: '2000000000000000002',
    member: { user: { id: userId, username: 'tester' }, permissions: '0', roles: [] },
    data,
    entitlements: [],
    locale: 'en-GB',
  };
}

function ask(question: string, { userId = nextUser(), private: hidden = false } = {}) {
  const options: unknown[] = [{ name: 'question', type: STRING, value: question }];
  if (hidden) options.push({ name: 'private', type: BOOLEAN, value: true });
  return interaction(2, { id: '1', name: 'ask', type: 1, options }, userId);
}

let users = 0;
/** A fresh user for each question, so the 5 s cooldown only applies where a test means it to. */
function nextUser(): string {
  return String(3_100_000_000_000_000_000n + BigInt(++users));
}

const quoteOf = (body: { data?: { embeds?: { description?: string }[] } }) =>
  String(body.data?.embeds?.[0]?.description ?? '').replaceAll('**', '');

describe('only requests signed by Discord are answered', () => {
  const ping = JSON.stringify({ type: 1 });

  it('answers a signed PING with {"type":1}', async () => {
    const answer = await post(bot.url, ping, signer.headers(ping));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ type: 1 });
  });

  it.each([
    ['unsigned', {}],
    ['without a timestamp', { 'x-signature-ed25519': signer.headers(ping)['x-signature-ed25519'] as string }],
    ['with a malformed signature', { ...signer.headers(ping), 'x-signature-ed25519': 'not-hex' }],
    ['signed by another key', new Signer().headers(ping)],
    ['signed 6 minutes ago (a replay)', signer.headers(ping, String(Math.floor(Date.now() / 1000) - 360))],
    ['signed 6 minutes ahead', signer.headers(ping, String(Math.floor(Date.now() / 1000) + 360))],
  ])('refuses a PING %s with 401', async (_name, headers) => {
    const answer = await post(bot.url, ping, headers);
    expect(answer.status).toBe(401);
  });

  it('refuses a tampered body with 401 and never dispatches it', async () => {
    const userId = nextUser();
    const signed = JSON.stringify(ask(QUESTION, { userId }));
    const tampered = signed.replace('How long', 'How soon');
    expect(tampered).not.toBe(signed);
    expect((await post(bot.url, tampered, signer.headers(signed))).status).toBe(401);
    // Had it been dispatched, it would have started this user's 5 s cooldown.
    const answer = await postSigned(bot.url, signer, ask(QUESTION, { userId }));
    expect(answer.status).toBe(200);
    expect(quoteOf(answer.body)).toContain('The discussion lasted 10 minutes');
  });

  it.each([
    ['not JSON', 'type=1', 400],
    ['a JSON array', '[{"type":1}]', 400],
    ['JSON without a type', '{"id":"1"}', 400],
    ['a type that is not a number', '{"type":"1"}', 400],
    ['a string', '"ping"', 400],
    ['1 MB', JSON.stringify({ type: 1, padding: 'x'.repeat(1_000_000) }), 413],
  ])('refuses a signed body that is %s with a 4xx', async (_name, body, status) => {
    const answer = await post(bot.url, body, signer.headers(body));
    expect(answer.status).toBe(status);
  });

  it('refuses 1 MB sent without a length (chunked) with 413, and an unsigned 1 MB with 401', async () => {
    const big = Buffer.alloc(1_000_000, 'x');
    const chunked = await fetch(bot.url, {
      method: 'POST',
      headers: signer.headers(big),
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < big.length; at += 65_536) controller.enqueue(big.subarray(at, at + 65_536));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await post(bot.url, big)).status).toBe(401);
  });

  it('answers 404 elsewhere, 405 for GET /interactions, and keeps running: /healthz is 200', async () => {
    expect((await fetch(`${bot.origin}/nowhere`)).status).toBe(404);
    expect((await fetch(bot.url)).status).toBe(405);
    const health = await fetch(`${bot.origin}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe('commands, buttons and autocomplete, with the gateway bot’s reply data', () => {
  it('answers /ask in the channel with the right passage, its attribution, and no mentions', async () => {
    const answer = await postSigned(bot.url, signer, ask(QUESTION));
    expect(answer.status).toBe(200);
    expect(answer.body.type).toBe(4);
    const { data } = answer.body;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.flags ?? 0).toBe(0);
    expect(quoteOf(answer.body)).toContain('The discussion lasted 10 minutes, according to White House');
    const fields = data.embeds[0].fields.map((f: { name: string; value: string }) => `${f.name}: ${f.value}`);
    expect(fields).toContain('Paragraph: 3');
    expect(fields.join('\n')).toMatch(/Article: Blinken, Lavrov meet/);
    expect(data.embeds[0].author.name).toBe(`Asked: ${QUESTION}`);
  });

  it('never pings: @everyone and a user mention in the question are shown, not parsed', async () => {
    const answer = await postSigned(bot.url, signer, ask(`@everyone <@${SEED_USER}> ${QUESTION}`));
    expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(quoteOf(answer.body)).toContain('10 minutes');
  });

  it('answers privately when asked to, and off-topic questions always privately', async () => {
    const hidden = await postSigned(bot.url, signer, ask(QUESTION, { private: true }));
    expect(hidden.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const offTopic = await postSigned(bot.url, signer, ask('What is the capital of France?'));
    expect(offTopic.body.type).toBe(4);
    expect(offTopic.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(offTopic.body.data.content).toContain('The article does not answer');
    expect(offTopic.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps the per-user cooldown: a second /ask at once gets a private "try again"', async () => {
    const userId = nextUser();
    expect(quoteOf((await postSigned(bot.url, signer, ask(QUESTION, { userId }))).body)).toContain(
      '10 minutes',
    );
    const again = await postSigned(bot.url, signer, ask(QUESTION, { userId }));
    expect(again.body.data.content).toMatch(/^You are asking quickly: try again in [1-5] s\.$/);
    expect(again.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('suggests questions and articles as type 8 choices', async () => {
    const typing = (focused: string, value: string) =>
      interaction(4, {
        id: '1',
        name: 'ask',
        type: 1,
        options: [
          {
            name: 'question',
            type: STRING,
            value: focused === 'question' ? value : '',
            focused: focused === 'question',
          },
          ...(focused === 'article' ? [{ name: 'article', type: STRING, value, focused: true }] : []),
        ],
      });
    const questions = await postSigned(bot.url, signer, typing('question', 'How long'));
    expect(questions.body.type).toBe(8);
    expect(questions.body.data.choices.length).toBeGreaterThan(0);
    for (const choice of questions.body.data.choices) expect(choice.name).toBe(choice.value);
    const articles = await postSigned(bot.url, signer, typing('article', 'lavrov'));
    expect(articles.body.data.choices).toEqual([
      {
        name: 'Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
        value: 'blinken-lavrov-g20',
      },
    ]);
  });

  it('shows the next best passage privately when its button is pressed', async () => {
    const first = await postSigned(bot.url, signer, ask('What did Blinken say about nuclear powers?'));
    const buttons = first.body.data.components.flatMap((row: { components: unknown[] }) => row.components);
    const next = buttons.find((b: { label?: string }) => b.label === 'Next best passage');
    expect(next).toBeDefined();
    const pressed = await postSigned(
      bot.url,
      signer,
      interaction(3, { custom_id: next.custom_id, component_type: 2 }),
    );
    expect(pressed.body.type).toBe(4);
    expect(pressed.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(pressed.body.data.embeds[0].footer.text).toBe('Next best passage');
    expect(quoteOf(pressed.body)).not.toBe(quoteOf(first.body));
  });

  it('answers a question sent in a DM (user instead of member)', async () => {
    const { member: _member, guild_id: _guild, ...dm } = ask(QUESTION);
    const answer = await postSigned(bot.url, signer, { ...dm, user: { id: nextUser(), username: 'dm' } });
    expect(quoteOf(answer.body)).toContain('10 minutes');
  });

  it('refuses a signed interaction of a kind it does not handle (a modal submit) with 400', async () => {
    const answer = await postSigned(bot.url, signer, interaction(5, { custom_id: 'modal', components: [] }));
    expect(answer.status).toBe(400);
  });

  it('answers 200 concurrent signed questions, each within 3 s', async () => {
    const questions = Array.from({ length: 200 }, (_, i) =>
      ask(i % 2 ? QUESTION : 'What did Blinken and Lavrov discuss?'),
    );
    const start = performance.now();
    const answers = await Promise.all(questions.map((q) => postSigned(bot.url, signer, q)));
    const wall = performance.now() - start;
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
    console.log(
      `200 concurrent signed /ask over HTTP: all answered in ${wall.toFixed(0)} ms; per request p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`,
    );
    expect(answers.every((a) => a.status === 200 && a.body.type === 4)).toBe(true);
    // The odd ones asked how long the meeting lasted: each got that passage, not a neighbour's answer.
    const odd = answers.filter((_, i) => i % 2 === 1);
    expect(odd.every((a) => quoteOf(a.body).includes('The discussion lasted 10 minutes'))).toBe(true);
    expect(at(1)).toBeLessThan(3000);
  });
});

describe('operations', () => {
  it('reloads the corpus on SIGHUP', async () => {
    const lighthouse = 'How many steps does the lighthouse have?';
    const before = await postSigned(bot.url, signer, ask(lighthouse));
    expect(before.body.data.content).toContain('does not answer');
    writeFileSync(
      path.join(corpusDir, 'harbour-lighthouse.md'),
      '---\ntitle: "Harbour lighthouse reopens"\npublished: 2024-05-14\n---\nThe old harbour lighthouse reopened on Saturday.\n\nVisitors can climb the 112 steps to the lantern room every weekend.\n',
    );
    const mark = bot.stderr().length;
    bot.child.kill('SIGHUP');
    await waitFor(
      () => /reloaded 2 articles/.test(bot.stderr().slice(mark)),
      20_000,
      () => bot.stderr(),
    );
    const after = await postSigned(bot.url, signer, ask(lighthouse));
    expect(quoteOf(after.body)).toContain('112 steps');
  });

  it('logs one line per refused request, without bodies, signatures or keys', () => {
    const lines = bot.stderr().trim().split('\n');
    expect(lines[0]).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+\/interactions$/);
    expect(lines).toContain('refused POST /interactions: 401 missing signature');
    expect(lines).toContain('refused POST /interactions: 401 bad signature');
    expect(lines).toContain('refused POST /interactions: 401 stale timestamp');
    expect(lines.some((line) => /^refused POST \/interactions: 413 /.test(line))).toBe(true);
    expect(lines.some((line) => /^refused POST \/interactions: 400 /.test(line))).toBe(true);
    const log = bot.stderr();
    for (const secret of [signer.publicKeyHex, 'How soon', 'padding', 'type=1', QUESTION]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/[0-9a-f]{128}/);
  });

  it('on SIGTERM stops accepting, finishes the request in flight, and exits 0', async () => {
    const body = JSON.stringify(ask(QUESTION));
    const headers = signer.headers(body);
    // A request whose body is still arriving when SIGTERM comes: it is in flight.
    const socket = connect(Number(new URL(bot.url).port), '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk;
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      [
        'POST /interactions HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Signature-Ed25519: ${headers['x-signature-ed25519']}`,
        `X-Signature-Timestamp: ${headers['x-signature-timestamp']}`,
        '',
        '',
      ].join('\r\n'),
    );
    const half = Math.floor(body.length / 2);
    socket.write(body.slice(0, half));
    const mark = bot.stderr().length;
    bot.child.kill('SIGTERM');
    await waitFor(
      () => /SIGTERM: no new connections/.test(bot.stderr().slice(mark)),
      5000,
      () => bot.stderr(),
    );
    await expect(fetch(`${bot.origin}/healthz`)).rejects.toThrow();
    socket.end(body.slice(half));
    expect(await bot.exit).toBe(0);
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect(response).toContain('10 minutes');
  });
});
