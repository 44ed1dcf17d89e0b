// Deferred replies over HTTP, end to end: the loopback stand-in plays Discord (it signs and POSTs
// each interaction to the real `npm run start:http` process, takes the response as the callback and
// serves the interaction webhook). DEFER_AFTER_MS=0 defers every reply, as a slow one would be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type Payload } from './support/fakeDiscord';
import { type HttpBot, startHttp } from './support/httpEndpoint';
import { waitFor } from './support/processes';

const STRING = 3;
const BOOLEAN = 5;
const EPHEMERAL = 64;

let fake: FakeDiscord;
let bot: HttpBot;

beforeAll(async () => {
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
  const options = [{ name: 'question', type: STRING, value: question }];
  if (hidden) options.push({ name: 'private', type: BOOLEAN, value: true } as never);
  return fake.sendCommand({ name: 'ask', options });
}

const webhookRequests = (token: string) =>
  fake.requests.filter((r) => r.path.includes(`/webhooks/`) && r.path.includes(token));

describe('a reply not ready in time is deferred and edited in through the webhook', () => {
  it('defers publicly, then PATCHes @original with the answer, without a bot token', async () => {
    const sent = ask('How long did the meeting last?');
    const first = await sent.response(5000);
    expect(first.type).toBe(5);
    expect((first.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const final = await sent.finalMessage(5000);
    expect(String(final.data.embeds[0].description).replaceAll('**', '')).toContain(
      'The discussion lasted 10 minutes',
    );
    expect(final.data.allowed_mentions).toEqual({ parse: [] });
    const patches = webhookRequests(sent.token).filter((r) => r.method === 'PATCH' && r.status === 200);
    expect(patches.map((r) => r.path)).toEqual([
      `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    ]);
    expect(patches[0]?.headers.authorization).toBeUndefined();
    expect(sent.endpointError).toBeUndefined();
  });

  it('defers privately when the question asks for a private answer', async () => {
    const sent = ask('How long did the meeting last?', true);
    expect((await sent.response(5000)).data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(String((await sent.finalMessage(5000)).data.embeds[0].description)).toContain('10 minutes');
  });

  it('turns a refusal after a public defer into a private follow-up, never a channel message', async () => {
    const sent = ask('What is the capital of France?');
    expect((await sent.response(5000)).type).toBe(5);
    await waitFor(
      () => sent.followUps.length > 0,
      5000,
      () => JSON.stringify(fake.requests.slice(-3)),
    );
    const requests = webhookRequests(sent.token);
    expect(requests.map((r) => `${r.method} ${r.status}`)).toContain('DELETE 204');
    const followUp: Payload = sent.followUps[0];
    expect(followUp.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp.content).toContain('The article does not answer');
    expect(followUp.allowed_mentions).toEqual({ parse: [] });
  });

  it('still answers autocomplete directly (it cannot be deferred)', async () => {
    const sent = fake.sendAutocomplete({
      name: 'ask',
      focused: 'question',
      options: [{ name: 'question', type: STRING, value: 'How long' }],
    });
    const response = await sent.response(5000);
    expect(response.type).toBe(8);
    expect(response.data.choices.length).toBeGreaterThan(0);
  });

  it('waits for a deferred reply still being delivered before exiting 0 on SIGTERM', async () => {
    const sent = ask('What did Blinken and Lavrov discuss?');
    await sent.response(5000);
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect((await sent.finalMessage(1000)).data.embeds).toHaveLength(1);
    expect(bot.stderr()).not.toMatch(/could not deliver/);
  });
});
