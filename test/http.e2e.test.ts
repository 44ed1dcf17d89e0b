// The HTTP interactions endpoint checked from outside, as Discord and an operator meet it: the real
// `npm run start:http` process on 127.0.0.1, requests signed with a key pair made here.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TEXT } from '../commands/find';
import { PROJECT_ROOT } from '../src/config';
import {
  choicesOfAnswer,
  type HttpBot,
  messageOf,
  post,
  postSigned,
  startHttp,
} from './support/httpEndpoint';
import { buttonsOf, customIdOf, embedOf, fieldOf, isEphemeral } from './support/messages';
import { waitFor } from './support/processes';
import { Signer } from './support/signing';

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
function interaction(type: InteractionType, data: unknown, userId = SEED_USER) {
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
  const options: unknown[] = [
    { name: 'question', type: ApplicationCommandOptionType.String, value: question },
  ];
  if (hidden) options.push({ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true });
  const data = { id: '1', name: 'ask', type: ApplicationCommandType.ChatInput, options };
  return interaction(InteractionType.ApplicationCommand, data, userId);
}

let users = 0;
/** A fresh user for each question, so the 5 s cooldown only applies where a test means it to. */
function nextUser(): string {
  return String(3_100_000_000_000_000_000n + BigInt(++users));
}

/** The quoted passage of an answer, without the bold that marks the question's words. */
const quoteOf = (answer: Parameters<typeof messageOf>[0]) =>
  String(embedOf(messageOf(answer)).description).replaceAll('**', '');

/** Right-click → Apps → Find in article on a message, as Discord POSTs it. */
function findIn(message: Record<string, unknown>, userId = nextUser()) {
  const target = { id: '1300000000000000001', channel_id: '2000000000000000002', content: '', ...message };
  const data = {
    id: '2',
    name: 'Find in article',
    type: ApplicationCommandType.Message,
    target_id: target.id,
    resolved: { messages: { [target.id]: target } },
  };
  return interaction(InteractionType.ApplicationCommand, data, userId);
}

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
    expect(quoteOf(answer)).toContain('The discussion lasted 10 minutes');
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
    const data = messageOf(await postSigned(bot.url, signer, ask(QUESTION)));
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(isEphemeral(data)).toBe(false);
    const embed = embedOf(data);
    expect(String(embed.description).replaceAll('**', '')).toContain(
      'The discussion lasted 10 minutes, according to White House',
    );
    expect(fieldOf(embed, 'Paragraph')).toBe('3');
    expect(fieldOf(embed, 'Article')).toMatch(/^Blinken, Lavrov meet/);
    expect(embed.author?.name).toBe(`Asked: ${QUESTION}`);
  });

  it('never pings: @everyone and a user mention in the question are shown, not parsed', async () => {
    const answer = await postSigned(bot.url, signer, ask(`@everyone <@${SEED_USER}> ${QUESTION}`));
    expect(messageOf(answer).allowed_mentions).toEqual({ parse: [] });
    expect(quoteOf(answer)).toContain('10 minutes');
  });

  it('answers privately when asked to, and off-topic questions always privately', async () => {
    expect(isEphemeral(messageOf(await postSigned(bot.url, signer, ask(QUESTION, { private: true }))))).toBe(
      true,
    );
    const offTopic = messageOf(await postSigned(bot.url, signer, ask('What is the capital of France?')));
    expect(isEphemeral(offTopic)).toBe(true);
    expect(offTopic.content).toContain('The article does not answer');
    expect(offTopic.allowed_mentions).toEqual({ parse: [] });
  });

  it('keeps the per-user cooldown: a second /ask at once gets a private "try again"', async () => {
    const userId = nextUser();
    expect(quoteOf(await postSigned(bot.url, signer, ask(QUESTION, { userId })))).toContain('10 minutes');
    const again = messageOf(await postSigned(bot.url, signer, ask(QUESTION, { userId })));
    expect(again.content).toMatch(/^You are asking quickly: try again in [1-5] s\.$/);
    expect(isEphemeral(again)).toBe(true);
  });

  it('suggests questions and articles as type 8 choices', async () => {
    const typing = (focused: 'question' | 'article', value: string) => {
      const question = { name: 'question', type: ApplicationCommandOptionType.String };
      const options =
        focused === 'question'
          ? [{ ...question, value, focused: true }]
          : [
              { ...question, value: '' },
              { name: 'article', type: ApplicationCommandOptionType.String, value, focused: true },
            ];
      const data = { id: '1', name: 'ask', type: ApplicationCommandType.ChatInput, options };
      return interaction(InteractionType.ApplicationCommandAutocomplete, data);
    };
    const questions = choicesOfAnswer(await postSigned(bot.url, signer, typing('question', 'How long')));
    expect(questions.length).toBeGreaterThan(0);
    for (const choice of questions) expect(choice.name).toBe(choice.value);
    expect(choicesOfAnswer(await postSigned(bot.url, signer, typing('article', 'lavrov')))).toEqual([
      {
        name: 'Blinken, Lavrov meet for first time since Russia’s invasion of Ukraine',
        value: 'blinken-lavrov-g20',
      },
    ]);
  });

  it('shows the next best passage privately when its button is pressed', async () => {
    const first = await postSigned(bot.url, signer, ask('What did Blinken say about nuclear powers?'));
    const next = buttonsOf(messageOf(first)).find((b) => 'label' in b && b.label === 'Next best passage');
    const customId = customIdOf(next);
    expect(customId).toBeDefined();
    const press = { custom_id: customId, component_type: ComponentType.Button };
    const pressed = await postSigned(bot.url, signer, interaction(InteractionType.MessageComponent, press));
    expect(isEphemeral(messageOf(pressed))).toBe(true);
    expect(embedOf(messageOf(pressed)).footer?.text).toBe('Next best passage');
    expect(quoteOf(pressed)).not.toBe(quoteOf(first));
  });

  it('answers a question sent in a DM (user instead of member)', async () => {
    const { member: _member, guild_id: _guild, ...dm } = ask(QUESTION);
    const answer = await postSigned(bot.url, signer, { ...dm, user: { id: nextUser(), username: 'dm' } });
    expect(quoteOf(answer)).toContain('10 minutes');
  });

  it('answers Find in article privately with the passage that bears on the message', async () => {
    const claim = 'Kirby says the chat between Blinken and Lavrov was over in ten minutes @everyone';
    const answer = await postSigned(bot.url, signer, findIn({ content: claim }));
    const data = messageOf(answer);
    expect(isEphemeral(data)).toBe(true);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(quoteOf(answer)).toContain('The discussion lasted 10 minutes');
    expect(fieldOf(embedOf(data), 'Paragraph')).toBe('3');
  });

  it('answers Find in article on a message without text (an image, an embed) with one private line', async () => {
    const imageOnly = findIn({
      attachments: [{ id: '1', filename: 'photo.png', size: 1, url: 'https://cdn.invalid/p.png' }],
    });
    const embedOnly = findIn({ embeds: [{ title: 'A link preview', description: 'Blinken met Lavrov' }] });
    for (const request of [imageOnly, embedOnly]) {
      const data = messageOf(await postSigned(bot.url, signer, request));
      expect(data.content).toBe(NO_TEXT);
      expect(isEphemeral(data)).toBe(true);
    }
  });

  it('refuses a signed interaction of a kind it does not handle (a modal submit) with 400', async () => {
    const modal = interaction(InteractionType.ModalSubmit, { custom_id: 'modal', components: [] });
    expect((await postSigned(bot.url, signer, modal)).status).toBe(400);
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
    // messageOf fails on anything but an answer sent at once (type 4).
    const quotes = answers.map(quoteOf);
    // The odd ones asked how long the meeting lasted: each got that passage, not a neighbour's answer.
    expect(
      quotes.filter((_, i) => i % 2 === 1).every((q) => q.includes('The discussion lasted 10 minutes')),
    ).toBe(true);
    expect(at(1)).toBeLessThan(3000);
  });
});

describe('operations', () => {
  it('reloads the corpus on SIGHUP', async () => {
    const lighthouse = 'How many steps does the lighthouse have?';
    const before = messageOf(await postSigned(bot.url, signer, ask(lighthouse)));
    expect(before.content).toContain('does not answer');
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
    expect(quoteOf(after)).toContain('112 steps');
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
