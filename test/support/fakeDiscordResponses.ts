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
import type { Payload } from './fakeDiscordTypes';
import { validateAutocomplete, validateMessage } from './fakeDiscordValidation';

/** A new bot message answering the interaction, stored in `state.messages`. */
function newMessage(state: HttpState, rec: InteractionRecord, body: Payload): Payload {
  const id = state.snowflakes.next();
  const p = rec.payload;
  const interaction = { id: p.id, type: p.type, user: p.member?.user ?? p.user };
  const author = userPayload(state.botUser, true);
  const ctx = {
    id,
    channelId: p.channel_id,
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
  body: Payload,
  query: URLSearchParams,
): Reply {
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
  const invalid =
    type === 4
      ? validateMessage(body.data, true)
      : type === 7
        ? validateMessage(body.data ?? {}, false)
        : type === 8
          ? validateAutocomplete(body.data)
          : undefined;
  if (invalid) return invalid;
  if (type === 4) rec.original = newMessage(state, rec, body.data);
  if (type === 5) {
    // The "thinking…" placeholder: Loading (128), plus Ephemeral (64) if the defer asked for it.
    rec.original = newMessage(state, rec, { content: '', flags: (Number(body.data?.flags) & 64) | 128 });
  }
  if (type === 7 && rec.original) {
    rec.original = applyEdit(rec.original, body.data ?? {});
    state.messages.set(rec.original.id, rec.original);
  }
  rec.recordCallback(body);
  if (query.get('with_response') !== 'true') return { status: 204 };
  const message = type === 8 ? undefined : rec.original;
  const interaction = {
    id: rec.id,
    type: rec.payload.type,
    activity_instance_id: null,
    response_message_id: message?.id ?? null,
    response_message_loading: type === 5,
    response_message_ephemeral: message ? (Number(message.flags) & 64) !== 0 : null,
  };
  return { status: 200, body: { interaction, resource: { type, ...(message ? { message } : {}) } } };
}

/** The interaction webhook: POST /webhooks/{app}/{token}, GET/PATCH/DELETE .../messages/{@original|id}. */
export function webhook(
  state: HttpState,
  method: string,
  appId: string,
  token: string,
  messageId: string | undefined,
  body: Payload,
): Reply {
  const rec =
    appId === state.applicationId
      ? [...state.interactions.values()].find((r) => r.token === token)
      : undefined;
  if (!rec?.acknowledged || rec.payload.type === 4) return UNKNOWN_WEBHOOK;
  if (messageId === undefined) {
    if (method !== 'POST') return METHOD_NOT_ALLOWED;
    const invalid = validateMessage(body, true);
    if (invalid) return invalid;
    rec.followUps.push(body);
    const original = rec.original;
    let message: Payload;
    if (original && Number(original.flags) & 128) {
      // The first follow-up after a deferred reply replaces the "thinking…" message (keeping its ephemerality).
      message = applyEdit(original, { ...body, flags: undefined });
      message.edited_timestamp = null;
      rec.original = message;
      state.messages.set(message.id, message);
      rec.resolveFinal(body);
    } else {
      message = newMessage(state, rec, body);
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
  const invalid = validateMessage(body ?? {}, false);
  if (invalid) return invalid;
  const edited = applyEdit(message, body ?? {});
  if (isOriginal || rec.original?.id === edited.id) rec.original = edited;
  if (rec.followUpMessages.has(edited.id)) rec.followUpMessages.set(edited.id, edited);
  state.messages.set(edited.id, edited);
  rec.recordEdit(isOriginal ? '@original' : messageId, body);
  return { status: 200, body: edited };
}
