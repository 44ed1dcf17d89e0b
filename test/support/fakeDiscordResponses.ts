import {
  type APIInteractionResponse,
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import type { InteractionRecord } from './fakeDiscordInteraction';
import { applyEdit, messagePayload, userPayload } from './fakeDiscordPayloads';
import {
  ALLOWED_CALLBACKS,
  error,
  type HttpState,
  METHOD_NOT_ALLOWED,
  type Reply,
  UNKNOWN_INTERACTION,
  UNKNOWN_MESSAGE,
  UNKNOWN_WEBHOOK,
} from './fakeDiscordState';
import type { MessageBody } from './fakeDiscordTypes';
import { validateAutocomplete, validateMessage } from './fakeDiscordValidation';

/** A new bot message answering the interaction, stored in `state.messages`. */
function newMessage(
  state: HttpState,
  rec: InteractionRecord<unknown>,
  body: MessageBody | undefined,
): APIMessage {
  const id = state.snowflakes.next();
  const p = rec.payload;
  const user = p.member?.user ?? p.user;
  if (!user) throw new Error(`FakeDiscord: interaction ${p.id} has no user`);
  const interaction = { id: p.id, type: p.type, user };
  const author = userPayload(state.botUser, true);
  const ctx = {
    id,
    channelId: p.channel?.id ?? '',
    guildId: p.guild_id,
    applicationId: state.applicationId,
    author,
    interaction,
  };
  const message = messagePayload(ctx, body);
  state.messages.set(id, message);
  return message;
}

/** POST /interactions/{id}/{token}/callback. */
export function callback(
  state: HttpState,
  id: string,
  token: string,
  raw: unknown,
  query: URLSearchParams,
): Reply {
  // Read as the callback it should be; every use below is checked first (type, then its data).
  const body = raw as Partial<APIInteractionResponse> | undefined;
  const rec = state.interactions.get(id);
  if (!rec || rec.token !== token) return UNKNOWN_INTERACTION;
  if (state.callbackWindowMs !== undefined && rec.elapsedMs() > state.callbackWindowMs) {
    return UNKNOWN_INTERACTION;
  }
  if (rec.acknowledged) return error(400, 'Interaction has already been acknowledged.', 40060);
  const type = Number(body?.type);
  if (!ALLOWED_CALLBACKS[rec.payload.type]?.includes(type)) {
    const errors = {
      type: {
        _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Invalid callback type ${type}` }],
      },
    };
    return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
  }
  const data = body && 'data' in body ? body.data : undefined;
  const message = data as MessageBody | undefined;
  const invalid =
    type === InteractionResponseType.ChannelMessageWithSource
      ? validateMessage(message, true)
      : type === InteractionResponseType.UpdateMessage
        ? validateMessage(message ?? {}, false)
        : type === InteractionResponseType.ApplicationCommandAutocompleteResult
          ? validateAutocomplete(data)
          : undefined;
  if (invalid) return invalid;
  if (type === InteractionResponseType.ChannelMessageWithSource)
    rec.original = newMessage(state, rec, message);
  if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
    // The "thinking…" placeholder: Loading, plus Ephemeral if the defer asked for it.
    const flags = (Number(message?.flags) & MessageFlags.Ephemeral) | MessageFlags.Loading;
    rec.original = newMessage(state, rec, { content: '', flags });
  }
  if (type === InteractionResponseType.UpdateMessage && rec.original) {
    rec.original = applyEdit(rec.original, (message ?? {}) as Record<string, unknown>);
    state.messages.set(rec.original.id, rec.original);
  }
  rec.recordCallback(body as APIInteractionResponse);
  if (query.get('with_response') !== 'true') return { status: 204 };
  const shown =
    type === InteractionResponseType.ApplicationCommandAutocompleteResult ? undefined : rec.original;
  const interaction = {
    id: rec.id,
    type: rec.payload.type,
    activity_instance_id: null,
    response_message_id: shown?.id ?? null,
    response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
    response_message_ephemeral: shown ? (Number(shown.flags) & MessageFlags.Ephemeral) !== 0 : null,
  };
  return { status: 200, body: { interaction, resource: { type, ...(shown ? { message: shown } : {}) } } };
}

/** The interaction webhook: POST /webhooks/{app}/{token}, GET/PATCH/DELETE .../messages/{@original|id}. */
export function webhook(
  state: HttpState,
  method: string,
  appId: string,
  token: string,
  messageId: string | undefined,
  raw: unknown,
): Reply {
  // Read as the webhook body it should be; it is validated before anything is stored.
  const body = raw as
    | (RESTPostAPIWebhookWithTokenJSONBody & RESTPatchAPIWebhookWithTokenMessageJSONBody)
    | undefined;
  const asMessage = (body ?? {}) as MessageBody;
  const rec =
    appId === state.applicationId
      ? [...state.interactions.values()].find((r) => r.token === token)
      : undefined;
  if (!rec?.acknowledged || rec.payload.type === InteractionType.ApplicationCommandAutocomplete) {
    return UNKNOWN_WEBHOOK;
  }
  if (messageId === undefined) {
    if (method !== 'POST') return METHOD_NOT_ALLOWED;
    const invalid = validateMessage(asMessage, true);
    if (invalid) return invalid;
    rec.followUps.push(body ?? {});
    const original = rec.original;
    let message: APIMessage;
    if (original && Number(original.flags) & MessageFlags.Loading) {
      // The first follow-up after a deferred reply replaces the "thinking…" message (keeping its ephemerality).
      message = { ...applyEdit(original, { ...body, flags: undefined }), edited_timestamp: null };
      rec.original = message;
      state.messages.set(message.id, message);
      rec.resolveFinal(asMessage);
    } else {
      message = newMessage(state, rec, asMessage);
    }
    rec.followUpMessages.set(message.id, message);
    return { status: 200, body: message };
  }
  const isOriginal = messageId === '@original';
  const message = isOriginal ? rec.original : rec.followUpMessages.get(messageId);
  if (!message) return UNKNOWN_MESSAGE;
  if (method === 'GET') return { status: 200, body: message };
  if (method === 'DELETE') {
    if (isOriginal) rec.original = undefined;
    rec.followUpMessages.delete(message.id);
    state.messages.delete(message.id);
    return { status: 204 };
  }
  if (method !== 'PATCH') return METHOD_NOT_ALLOWED;
  const invalid = validateMessage(asMessage, false);
  if (invalid) return invalid;
  const edited = applyEdit(message, body as Record<string, unknown> | undefined);
  if (isOriginal || rec.original?.id === edited.id) rec.original = edited;
  if (rec.followUpMessages.has(edited.id)) rec.followUpMessages.set(edited.id, edited);
  state.messages.set(edited.id, edited);
  rec.recordEdit(isOriginal ? '@original' : messageId, body ?? {});
  return { status: 200, body: edited };
}
