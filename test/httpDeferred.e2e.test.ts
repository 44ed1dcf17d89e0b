// Deferred replies over HTTP, end to end: the loopback stand-in plays Discord (it signs and POSTs
// each interaction to the real `npm run start:http` process, takes the response as the callback and
// serves the interaction webhook). DEFER_AFTER_MS=0 defers every reply, as a slow one would be.
import { ApplicationCommandOptionType, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './support/fakeDiscord';
import { type HttpBot, startHttp } from './support/httpEndpoint';
import { choicesOf, embedOf, isEphemeral } from './support/messages';
import { waitFor } from './support/processes';

let fake: FakeDiscord;
let bot: HttpBot;

beforeAll(async () => {
  // Discord's 3 s window, enforced: a defer that came too late would be refused.
  fake = await FakeDiscord.start({ callbackWindowMs: 3000 });
  bot = await startHttp({
    DISCORD_PUBLIC_KEY: fake.signer.publicKeyHex,
    DISCORD_API_URL: fake.apiUrl,
    DEFER_AFTER_MS: '0',
    ASK_COOLDOWN_SECONDS: '0',
  });
  fake.deliverOverHttp(bot.url);
}, 60_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exit;
  }
  await fake?.close();
});

function ask(question: string, hidden = false) {
  const options = [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }];
  if (hidden)
    options.push({ name: 'private', type: ApplicationCommandOptionType.Boolean, value: true } as never);
  return fake.sendCommand({ name: 'ask', options });
}

const quoteOf = (data: Parameters<typeof embedOf>[0]) =>
  String(embedOf(data).description).replaceAll('**', '');
const webhookRequests = (token: string) =>
  fake.requests.filter((r) => r.path.startsWith(`/api/v10/webhooks/${fake.applicationId}/${token}`));

describe('a reply not ready in time is deferred and edited in through the webhook', () => {
  it('defers publicly, then PATCHes @original with the answer, without a bot token', async () => {
    const sent = ask('How long did the meeting last?');
    const first = await sent.response(5000);
    expect(first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(isEphemeral(first.data)).toBe(false);
    const final = await sent.finalMessage(5000);
    expect(quoteOf(final.data)).toContain('The discussion lasted 10 minutes');
    expect(final.data.allowed_mentions).toEqual({ parse: [] });
    const patches = webhookRequests(sent.token).filter((r) => r.method === 'PATCH' && r.status === 200);
    expect(patches.map((r) => r.path)).toEqual([
      `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    ]);
    expect(patches[0]?.headers.authorization).toBeUndefined();
    expect(sent.endpointError).toBeUndefined();
  });

  it('defers privately when the question asks for a private answer, and for Find in article', async () => {
    const hidden = ask('How long did the meeting last?', true);
    expect(isEphemeral((await hidden.response(5000)).data)).toBe(true);
    expect(quoteOf((await hidden.finalMessage(5000)).data)).toContain('10 minutes');
    const found = fake.sendMessageCommand({
      name: 'Find in article',
      message: { content: 'Apparently the two of them only talked for ten minutes' },
    });
    expect(isEphemeral((await found.response(5000)).data)).toBe(true);
    expect(quoteOf((await found.finalMessage(5000)).data)).toContain('The discussion lasted 10 minutes');
  });

  it('turns a refusal after a public defer into a private follow-up, never a channel message', async () => {
    const sent = ask('What is the capital of France?');
    expect((await sent.response(5000)).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await waitFor(
      () => sent.followUps.length > 0,
      5000,
      () => JSON.stringify(fake.requests.slice(-3)),
    );
    expect(webhookRequests(sent.token).map((r) => `${r.method} ${r.status}`)).toContain('DELETE 204');
    const [followUp] = sent.followUps;
    expect(isEphemeral(followUp ?? {})).toBe(true);
    expect(followUp?.content).toContain('The article does not answer');
    expect(followUp?.allowed_mentions).toEqual({ parse: [] });
  });

  it('still answers autocomplete directly (it cannot be deferred)', async () => {
    const sent = fake.sendAutocomplete({
      name: 'ask',
      focused: 'question',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'How long' }],
    });
    const response = await sent.response(5000);
    expect(response.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(choicesOf(response.data).length).toBeGreaterThan(0);
  });

  it('retries an edit Discord is not ready for, then gives up with one line that holds no token', async () => {
    const unknown = { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    // Twice "not yet" (the defer not taken in): the third try lands.
    for (let i = 0; i < 2; i++) fake.failNext({ method: 'PATCH', path: '/messages/@original' }, unknown);
    const late = ask('How long did the meeting last?');
    expect(quoteOf((await late.finalMessage(5000)).data)).toContain('10 minutes');
    // Three times: it stops there.
    for (let i = 0; i < 3; i++) fake.failNext({ method: 'PATCH', path: '/messages/@original' }, unknown);
    const lost = ask('How long did the meeting last?');
    await waitFor(
      () => /could not deliver a deferred reply/.test(bot.stderr()),
      5000,
      () => bot.stderr(),
    );
    const line =
      bot
        .stderr()
        .split('\n')
        .find((l) => l.includes('could not deliver')) ?? '';
    expect(line).toMatch(/Unknown Webhook/);
    expect(bot.stderr()).not.toContain(lost.token);
    expect(lost.edits).toEqual([]);
  });

  it('waits for a deferred reply still being delivered before exiting 0 on SIGTERM', async () => {
    // The edit is rate limited for a second, so it is surely still in flight when SIGTERM comes.
    fake.failNext(
      { method: 'PATCH', path: '/messages/@original' },
      { status: 429, headers: { 'retry-after': '1' } },
    );
    const sent = ask('What did Blinken and Lavrov discuss?');
    await sent.response(5000);
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    const final = await sent.finalMessage(100);
    expect(final.data.embeds).toHaveLength(1);
    expect(final.elapsedMs).toBeGreaterThan(900);
    expect(bot.stderr().match(/could not deliver/g)).toHaveLength(1);
  });
});
