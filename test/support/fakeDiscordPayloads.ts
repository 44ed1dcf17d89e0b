import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIGuildMember,
  type APIMessage,
  type APITextChannel,
  type APIUser,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import type { MessageBody } from './fakeDiscordTypes';

/** A bit field with no bit set: discord-api-types' flag enums have no member for it. */
export const NO_FLAGS = 0 as never;

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

export function userPayload(user: UserInfo, bot = false): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: bot ? null : user.username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: NO_FLAGS,
    public_flags: NO_FLAGS,
  };
}

export function memberPayload(user: APIUser, joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS,
    pending: false,
  };
}

export function channelPayload(id: string, guildId: string): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS,
  };
}

/**
 * A GUILD_CREATE: the typed guild, plus the fields Discord sends that discord-api-types does not list
 * (soundboard sounds, embedded activities).
 */
export function guildPayload(
  guildId: string,
  channelId: string,
  bot: UserInfo,
  index: number,
): GatewayGuildCreateDispatchData {
  const joinedAt = new Date().toISOString();
  const guild = {
    id: guildId,
    name: `Test Guild ${index + 1}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: '3000000000000000000',
    afk_channel_id: null,
    afk_timeout: 300 as const,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.AllMessages,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    mfa_level: GuildMFALevel.None,
    nsfw_level: GuildNSFWLevel.Default,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: NO_FLAGS,
    hub_type: null,
    incidents_data: null,
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
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        managed: false,
        mentionable: false,
        flags: NO_FLAGS,
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
  return guild;
}

export interface MessageContext {
  id: string;
  channelId: string;
  guildId?: string;
  applicationId: string;
  author: APIUser;
  /** The interaction the message answers, for `interaction_metadata`. */
  interaction?: { id: string; type: InteractionType; user: APIUser };
}

/** A full message object, built from a message create/edit body. */
export function messagePayload(ctx: MessageContext, body: MessageBody | undefined): APIMessage {
  const message = {
    id: ctx.id,
    type:
      ctx.interaction?.type === InteractionType.ApplicationCommand
        ? MessageType.ChatInputCommand
        : MessageType.Default,
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
  // Built as Discord builds it from whatever the bot sent; the validation before this checked its shape.
  return message as APIMessage;
}

/** The fields an edit may change, and what `null` in the edit sets them to. */
const CLEARED = { content: '', embeds: [], components: [], attachments: [], flags: 0 } as const;

/** Apply an edit body (PATCH) to a stored message, as Discord does: only the fields sent change. */
export function applyEdit(
  message: APIMessage,
  body: Readonly<Record<string, unknown>> | undefined,
): APIMessage {
  const edited: Record<string, unknown> = { ...message, edited_timestamp: new Date().toISOString() };
  for (const [key, cleared] of Object.entries(CLEARED)) {
    if (body && body[key] !== undefined) edited[key] = body[key] ?? cleared;
  }
  // Ephemerality cannot be changed by an edit; the "thinking…" loading state ends with it.
  const { Ephemeral, Loading } = MessageFlags;
  edited.flags = (Number(edited.flags) & ~(Ephemeral | Loading)) | (Number(message.flags) & Ephemeral);
  return edited as unknown as APIMessage;
}

type Component = APIComponentInMessageActionRow | APIActionRowComponent<APIComponentInMessageActionRow>;

/** True if any component (at any nesting depth) has this custom_id. */
export function hasCustomId(components: unknown, customId: string): boolean {
  if (!Array.isArray(components)) return false;
  return components.some((c: Partial<Record<'custom_id' | 'components' | 'accessory', unknown>> | null) => {
    const component = c as (Component & { accessory?: unknown }) | null;
    return (
      (component !== null && 'custom_id' in component && component.custom_id === customId) ||
      hasCustomId(c?.components, customId) ||
      (c?.accessory !== undefined && hasCustomId([c.accessory], customId))
    );
  });
}
