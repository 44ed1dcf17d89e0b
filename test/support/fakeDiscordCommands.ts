import {
  type HttpState,
  METHOD_NOT_ALLOWED,
  MISSING_ACCESS,
  type Reply,
  UNKNOWN_COMMAND,
} from './fakeDiscordState';
import type { Payload } from './fakeDiscordTypes';
import { validateCommands } from './fakeDiscordValidation';

/** GET/PUT/POST applications/{app}[/guilds/{guild}]/commands and GET/PATCH/DELETE .../commands/{id}. */
export function commands(
  state: HttpState,
  method: string,
  appId: string | undefined,
  scope: string,
  id: string | undefined,
  body: Payload,
): Reply {
  if (appId !== state.applicationId) return MISSING_ACCESS;
  const list = state.commands.get(scope) ?? [];
  const sameKey = (cmd: Payload, b: Payload) => cmd.name === b?.name && cmd.type === (b?.type ?? 1);
  const build = (b: Payload, existing?: Payload): Payload => ({
    type: 1,
    description: '',
    default_member_permissions: null,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...(scope === 'global' ? { dm_permission: true } : { guild_id: scope }),
    ...b,
    id: existing?.id ?? state.snowflakes.next(),
    application_id: state.applicationId,
    version: state.snowflakes.next(),
  });
  if (id === undefined) {
    if (method === 'GET') return { status: 200, body: list };
    if (method === 'PUT') {
      if (!Array.isArray(body))
        return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: {} } };
      const invalid = validateCommands(body, true);
      if (invalid) return invalid;
      const next = body.map((b: Payload) =>
        build(
          b,
          list.find((cmd) => sameKey(cmd, b)),
        ),
      );
      state.commands.set(scope, next);
      return { status: 200, body: next };
    }
    if (method === 'POST') {
      const invalid = validateCommands([body], false);
      if (invalid) return invalid;
      const index = list.findIndex((cmd) => sameKey(cmd, body));
      const created = build(body, list[index]);
      state.commands.set(scope, index >= 0 ? list.with(index, created) : [...list, created]);
      return { status: index >= 0 ? 200 : 201, body: created };
    }
    return METHOD_NOT_ALLOWED;
  }
  const index = list.findIndex((cmd) => cmd.id === id);
  const existing = list[index];
  if (!existing) return UNKNOWN_COMMAND;
  if (method === 'GET') return { status: 200, body: existing };
  if (method === 'DELETE') {
    state.commands.set(scope, list.toSpliced(index, 1));
    return { status: 204 };
  }
  if (method === 'PATCH') {
    const merged = { ...existing, ...body };
    const invalid = validateCommands([merged], false);
    if (invalid) return invalid;
    const edited = build(merged, existing);
    state.commands.set(scope, list.with(index, edited));
    return { status: 200, body: edited };
  }
  return METHOD_NOT_ALLOWED;
}
