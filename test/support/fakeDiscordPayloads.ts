import type { Payload } from './fakeDiscordTypes';

const DISCORD_EPOCH = 1_420_070_400_000n;
export const ALL_PERMISSIONS = '2248473465835073';

/** Valid, unique, increasing snowflakes: current timestamp in the high bits, a counter in the low bits. */
export class Snowflakes {
  private last = 0n;
  next(): string {
    const candidate = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    this.last = candidate > this.last ? candidate : this.last + 1n;
    return this.last.toString();
  }
}

/** The shard that owns a guild: (guild_id >> 22) % num_shards. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface UserInfo {
  id: string;
  username: string;
}

export function userPayload(user: UserInfo, bot = false): Payload {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: bot ? null : user.username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: 0,
    public_flags: 0,
  };
}

export function memberPayload(user: Payload, joinedAt: string): Payload {
  return {
    user,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

export function channelPayload(id: string, guildId: string): Payload {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function guildPayload(guildId: string, channelId: string, bot: UserInfo, index: number): Payload {
  const joinedAt = new Date().toISOString();
  return {
    id: guildId,
    name: `Test Guild ${index + 1}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '3000000000000000000',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    roles: [
      {
        id: guildId,
        name: '@everyone',
        permissions: '0',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
        icon: null,
        unicode_emoji: null,
      },
    ],
    channels: [channelPayload(channelId, guildId)],
    members: [memberPayload(userPayload(bot, true), joinedAt)],
    member_count: 2,
    emojis: [],
    stickers: [],
    features: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    unavailable: false,
    joined_at: joinedAt,
    large: false,
    lazy: true,
  };
}

export interface MessageContext {
  id: string;
  channelId: string;
  guildId?: string;
  applicationId: string;
  author: Payload;
  /** The interaction the message answers, for `interaction_metadata`. */
  interaction?: { id: string; type: number; user: Payload };
}

/** A full message object, built from a message create/edit body. */
export function messagePayload(ctx: MessageContext, body: Payload): Payload {
  return {
    id: ctx.id,
    type: ctx.interaction?.type === 2 ? 20 : 0,
    channel_id: ctx.channelId,
    ...(ctx.guildId ? { guild_id: ctx.guildId } : {}),
    author: ctx.author,
    content: typeof body?.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: Boolean(body?.tts),
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: [],
    embeds: Array.isArray(body?.embeds) ? body.embeds : [],
    components: Array.isArray(body?.components) ? body.components : [],
    reactions: [],
    pinned: false,
    flags: typeof body?.flags === 'number' ? body.flags : 0,
    webhook_id: ctx.applicationId,
    application_id: ctx.applicationId,
    ...(ctx.interaction
      ? {
          interaction_metadata: {
            id: ctx.interaction.id,
            type: ctx.interaction.type,
            user: ctx.interaction.user,
            authorizing_integration_owners: { '0': ctx.guildId ?? '0' },
          },
        }
      : {}),
  };
}

/** Apply an edit body (PATCH) to a stored message, as Discord does: only the fields sent change. */
export function applyEdit(message: Payload, body: Payload): Payload {
  const edited = { ...message, edited_timestamp: new Date().toISOString() };
  const cleared: Payload = { content: '', embeds: [], components: [], attachments: [], flags: 0 };
  for (const key of Object.keys(cleared)) {
    if (body && body[key] !== undefined) edited[key] = body[key] ?? cleared[key];
  }
  // Ephemerality (64) cannot be changed by an edit; the "thinking…" loading state (128) ends with it.
  edited.flags = (Number(edited.flags) & ~(64 | 128)) | (Number(message.flags) & 64);
  return edited;
}

/** True if any component (at any nesting depth) has this custom_id. */
export function hasCustomId(components: unknown, customId: string): boolean {
  if (!Array.isArray(components)) return false;
  return components.some(
    (c: Payload) =>
      c?.custom_id === customId ||
      hasCustomId(c?.components, customId) ||
      (c?.accessory && hasCustomId([c.accessory], customId)),
  );
}
