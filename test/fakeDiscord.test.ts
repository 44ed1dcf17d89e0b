import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  InteractionResponseType,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeDiscord } from './support/fakeDiscord';

const GUILD_ID = '2000000000000000001';

let fake: FakeDiscord | undefined;
let client: Client | undefined;
let rest: REST | undefined;

afterEach(async () => {
  await client?.destroy();
  rest?.clearHashSweeper();
  rest?.clearHandlerSweeper();
  await fake?.close();
  client = undefined;
  rest = undefined;
  fake = undefined;
});

async function startFake(options?: Parameters<typeof FakeDiscord.start>[0]): Promise<FakeDiscord> {
  fake = await FakeDiscord.start(options);
  return fake;
}

async function login(f: FakeDiscord, shards?: 'auto'): Promise<Client<true>> {
  const c = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: f.apiUrl },
    ...(shards ? { shards } : {}),
  });
  client = c;
  const ready = once(c, Events.ClientReady);
  await c.login(f.token);
  await ready;
  return c as Client<true>;
}

/** The next interaction the client emits. */
function nextInteraction(c: Client): Promise<Interaction> {
  return once(c, Events.InteractionCreate).then(([interaction]) => interaction as Interaction);
}

const askCommand = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the news')
  .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true))
  .addStringOption((o) => o.setName('source').setDescription('Limit to one source').setAutocomplete(true));

describe('FakeDiscord with a real discord.js Client', () => {
  it('logs in, emits ready and caches the guild', async () => {
    const f = await startFake();
    const c = await login(f);
    await f.waitForReady();
    expect(c.user.id).toBe(f.applicationId);
    expect(c.user.username).toBe('AskBot');
    expect(c.application.id).toBe(f.applicationId);
    const guild = c.guilds.cache.get(GUILD_ID);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(f.textChannelId())?.isTextBased()).toBe(true);
    expect(f.identifies).toEqual([{ token: 'test-token', intents: GatewayIntentBits.Guilds, shard: [0, 1] }]);
    const gatewayBot = f.requests.find((r) => r.path === '/api/v10/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe('Bot test-token');
  });

  it('registers guild commands through REST and serves them back', async () => {
    const f = await startFake();
    rest = new REST({ api: f.apiUrl }).setToken(f.token);
    const route = Routes.applicationGuildCommands(f.applicationId, GUILD_ID);
    const created = (await rest.put(route, { body: [askCommand.toJSON()] })) as Array<
      Record<string, unknown>
    >;
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      name: 'ask',
      type: ApplicationCommandType.ChatInput,
      application_id: f.applicationId,
      guild_id: GUILD_ID,
    });
    expect(created[0]?.id).toMatch(/^\d{17,20}$/);
    expect(f.registeredCommands(GUILD_ID)).toEqual(created);
    expect(f.registeredCommands()).toEqual([]);
    expect(await rest.get(route)).toEqual(created);
    // Re-registering keeps the id, like Discord.
    const again = (await rest.put(route, { body: [askCommand.toJSON()] })) as Array<{ id: string }>;
    expect(again[0]?.id).toBe(created[0]?.id);
    // Discord's validation: descriptions are limited to 100 characters.
    const tooLong = { ...askCommand.toJSON(), description: 'x'.repeat(101) };
    await expect(rest.put(route, { body: [tooLong] })).rejects.toMatchObject({ status: 400, code: 50035 });
    const bad = new REST({ api: f.apiUrl }).setToken('wrong');
    await expect(bad.get(route)).rejects.toMatchObject({ status: 401, code: 0 });
    bad.clearHashSweeper();
    bad.clearHandlerSweeper();
  });

  it('answers a slash command with reply', async () => {
    const f = await startFake();
    const c = await login(f);
    const received = nextInteraction(c);
    const sent = f.sendCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Who won?' }],
    });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandName).toBe('ask');
    expect(interaction.options.getString('question')).toBe('Who won?');
    expect(interaction.guildId).toBe(GUILD_ID);
    expect(interaction.user.id).toBe('3000000000000000001');
    await interaction.reply({ content: 'The home team.', flags: MessageFlags.Ephemeral });
    const response = await sent.response();
    expect(response.type).toBe(4);
    expect(response.data).toMatchObject({ content: 'The home team.', flags: MessageFlags.Ephemeral });
    expect(response.elapsedMs).toBeLessThan(1000);
    expect((await sent.finalMessage()).data.content).toBe('The home team.');
    const callback = f.requests.find((r) => r.path.endsWith('/callback'));
    expect(callback?.headers.authorization).toBeUndefined();
  });

  it('answers a slash command with deferReply + editReply and a followUp', async () => {
    const f = await startFake();
    const c = await login(f);
    const received = nextInteraction(c);
    const sent = f.sendCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Why?' }],
    });
    const interaction = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    expect((await sent.response()).type).toBe(5);
    const message = await interaction.editReply({
      content: 'Because.',
      embeds: [{ description: 'A quote' }],
    });
    expect(message.content).toBe('Because.');
    expect(message.channelId).toBe(f.textChannelId());
    expect(message.author.id).toBe(f.botUser.id);
    const final = await sent.finalMessage();
    expect(final.data).toMatchObject({ content: 'Because.', embeds: [{ description: 'A quote' }] });
    expect(f.requests.some((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'))).toBe(true);
    const followUp = await interaction.followUp('More sources.');
    expect(followUp.content).toBe('More sources.');
    expect(sent.followUps).toEqual([expect.objectContaining({ content: 'More sources.' })]);
    expect(sent.edits).toHaveLength(1);
    expect((await interaction.fetchReply()).content).toBe('Because.');
  });

  it('answers an autocomplete with respond', async () => {
    const f = await startFake();
    const c = await login(f);
    const received = nextInteraction(c);
    const sent = f.sendAutocomplete({
      name: 'ask',
      focused: 'source',
      options: [
        { name: 'question', type: ApplicationCommandOptionType.String, value: 'Who?' },
        { name: 'source', type: ApplicationCommandOptionType.String, value: 're' },
      ],
    });
    const interaction = await received;
    if (!interaction.isAutocomplete()) throw new Error('expected an autocomplete');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'source', value: 're' });
    await interaction.respond([{ name: 'Reuters', value: 'reuters' }]);
    expect(await sent.response()).toMatchObject({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Reuters', value: 'reuters' }] },
    });
  });

  it('updates the message of a clicked button', async () => {
    const f = await startFake();
    const c = await login(f);
    const command = nextInteraction(c);
    f.sendCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Q' }],
    });
    const first = await command;
    if (!first.isChatInputCommand()) throw new Error('expected a chat input command');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
    );
    await first.reply({ content: 'Answer', components: [row] });

    const received = nextInteraction(c);
    const click = f.sendButton({ customId: 'more' });
    const interaction = await received;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('more');
    expect(interaction.message.content).toBe('Answer');
    await interaction.update({ content: 'Longer answer', components: [] });
    expect(await click.response()).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'Longer answer', components: [] },
    });
    expect((await click.finalMessage()).data.content).toBe('Longer answer');
  });

  it('retries a callback that failed with 500', async () => {
    const f = await startFake();
    const c = await login(f);
    f.failNextCallback({ status: 500 });
    const received = nextInteraction(c);
    const sent = f.sendCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Q' }],
    });
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('after a retry');
    expect((await sent.response()).data.content).toBe('after a retry');
    const callbacks = f.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks.map((r) => r.status)).toEqual([500, 204]);
  });

  it('waits out a 429 on a callback and retries', async () => {
    const f = await startFake();
    const c = await login(f);
    const body = { message: 'You are being rate limited.', retry_after: 0.05, global: false };
    f.failNextCallback({ status: 429, headers: { 'retry-after': '0.05' }, body });
    const received = nextInteraction(c);
    const sent = f.sendCommand({ name: 'ask' });
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('after the rate limit');
    const response = await sent.response();
    expect(response.data.content).toBe('after the rate limit');
    expect(response.elapsedMs).toBeGreaterThanOrEqual(50);
    expect(f.requests.filter((r) => r.path.endsWith('/callback')).map((r) => r.status)).toEqual([429, 204]);
  });

  it('rejects a callback for an expired interaction (404 10062) as DiscordAPIError', async () => {
    const f = await startFake();
    const c = await login(f);
    f.failNextCallback({ status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    const received = nextInteraction(c);
    const sent = f.sendCommand({ name: 'ask' });
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    const error = await interaction.reply('too late').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 404, code: 10062 });
    await expect(sent.response(50)).rejects.toThrow(/no interaction callback/);
  });

  it('answers reply({ withResponse: true }) with the callback response and message', async () => {
    const f = await startFake();
    const c = await login(f);
    const received = nextInteraction(c);
    f.sendCommand({ name: 'ask' });
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    const response = await interaction.reply({ content: 'hi', withResponse: true });
    expect(response.resource?.message?.content).toBe('hi');
    expect(response.interaction.responseMessageId).toBe(response.resource?.message?.id);
  });

  it('rejects what Discord rejects: too long content, a second acknowledgement, a late callback', async () => {
    const f = await startFake({ callbackWindowMs: 100 });
    const c = await login(f);
    let received = nextInteraction(c);
    const sent = f.sendCommand({ name: 'ask' });
    let interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await expect(interaction.reply('x'.repeat(2001))).rejects.toMatchObject({ status: 400, code: 50035 });
    await interaction.reply('short');
    // discord.js refuses a second reply itself, so send it raw.
    const again = await fetch(`${f.apiUrl}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: 'again' },
      }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });

    received = nextInteraction(c);
    f.sendCommand({ name: 'ask' });
    interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(interaction.reply('late')).rejects.toMatchObject({ status: 404, code: 10062 });
  });

  it('resumes after the gateway closes with 4000 and keeps answering', async () => {
    const f = await startFake();
    const c = await login(f);
    const resumed = once(c, Events.ShardResume);
    f.closeGateway(4000);
    await resumed;
    expect(f.resumes).toHaveLength(1);
    expect(f.identifies).toHaveLength(1);
    const received = nextInteraction(c);
    const sent = f.sendCommand({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Still there?' }],
    });
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('Yes.');
    expect((await sent.response()).type).toBe(4);
  });

  it('delivers an interaction dispatched while disconnected after the resume', async () => {
    const f = await startFake();
    const c = await login(f);
    const resumed = once(c, Events.ShardResume);
    f.dropGatewayConnections();
    const received = nextInteraction(c);
    const sent = f.sendCommand({ name: 'ask' });
    await resumed;
    const interaction = await received;
    if (!interaction.isRepliable()) throw new Error('expected a repliable interaction');
    await interaction.reply('Replayed.');
    expect((await sent.response()).data.content).toBe('Replayed.');
  });

  it('rejects a wrong token: login fails on /gateway/bot, IDENTIFY is closed with 4004', async () => {
    const f = await startFake();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiUrl } });
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    expect(f.requests.find((r) => r.path === '/api/v10/gateway/bot')?.status).toBe(401);

    const socket = new WebSocket(`${f.gatewayUrl}/?v=10&encoding=json`);
    const [hello] = await once(socket, 'message');
    expect(JSON.parse(String(hello))).toMatchObject({ op: 10, d: { heartbeat_interval: 41250 } });
    socket.send(JSON.stringify({ op: 2, d: { token: 'not-the-token', intents: 1, properties: {} } }));
    const [code] = await once(socket, 'close');
    expect(code).toBe(4004);
    expect(f.identifies).toEqual([{ token: 'not-the-token', intents: 1 }]);
  });

  it('stops the client for good when the gateway closes with 4004', async () => {
    const f = await startFake();
    const c = await login(f);
    const disconnected = once(c, Events.ShardDisconnect);
    f.closeGateway(4004);
    const [event] = await disconnected;
    expect(event.code).toBe(4004);
    expect(() => f.sendCommand({ name: 'ask' })).toThrow(/no gateway session/);
  });

  it('sees close code 1000 when the client is destroyed', async () => {
    const f = await startFake();
    const c = await login(f);
    await c.destroy();
    expect(await f.waitForClientClose()).toBe(1000);
    expect(f.clientCloseCodes).toEqual([1000]);
  });

  it('puts each guild in the session of the shard that owns it', async () => {
    // (id >> 22) % 2: 0 for the first guild, 1 for the second.
    const guildIds = [String(2n << 22n), String(3n << 22n)];
    const f = await startFake({ shards: 2, guildIds });
    // discord.js only follows the recommended shard count of /gateway/bot with `shards: 'auto'`.
    const c = await login(f, 'auto');
    await f.waitForReady(2);
    expect(f.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(c.guilds.cache.get(guildIds[0] ?? '')?.shardId).toBe(0);
    expect(c.guilds.cache.get(guildIds[1] ?? '')?.shardId).toBe(1);
    const received = nextInteraction(c);
    f.sendCommand({ name: 'ask', guildId: guildIds[1] });
    expect((await received).guild?.shardId).toBe(1);
  });
});
