import {
  type APIApplicationCommand,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import {
  type HttpState,
  METHOD_NOT_ALLOWED,
  MISSING_ACCESS,
  type Reply,
  UNKNOWN_COMMAND,
} from './fakeDiscordState';
import { validateCommands } from './fakeDiscordValidation';

/** GET/PUT/POST applications/{app}[/guilds/{guild}]/commands and GET/PATCH/DELETE .../commands/{id}. */
export function commands(
  state: HttpState,
  method: string,
  appId: string | undefined,
  scope: string,
  id: string | undefined,
  raw: unknown,
): Reply {
  if (appId !== state.applicationId) return MISSING_ACCESS;
  // Read as the command bodies they should be; validateCommands checks them before they are stored.
  const body = raw as RESTPostAPIApplicationCommandsJSONBody;
  const list = state.commands.get(scope) ?? [];
  const sameKey = (cmd: APIApplicationCommand, b: RESTPostAPIApplicationCommandsJSONBody | undefined) =>
    cmd.name === b?.name && cmd.type === (b?.type ?? ApplicationCommandType.ChatInput);
  const build = (
    b: RESTPostAPIApplicationCommandsJSONBody,
    existing?: APIApplicationCommand,
  ): APIApplicationCommand => {
    const command = {
      type: ApplicationCommandType.ChatInput,
      description: '',
      default_member_permissions: null,
      nsfw: false,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: null,
      name_localizations: null,
      description_localizations: null,
      ...(scope === 'global' ? { dm_permission: true } : { guild_id: scope }),
      ...b,
      id: existing?.id ?? state.snowflakes.next(),
      application_id: state.applicationId,
      version: state.snowflakes.next(),
    };
    // Discord's own fill-ins over what was sent, as it stores a command.
    return command as APIApplicationCommand;
  };
  if (id === undefined) {
    if (method === 'GET') return { status: 200, body: list };
    if (method === 'PUT') {
      if (!Array.isArray(raw))
        return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: {} } };
      const bodies = raw as RESTPostAPIApplicationCommandsJSONBody[];
      const invalid = validateCommands(bodies, true);
      if (invalid) return invalid;
      const next = bodies.map((b) =>
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
    const merged = { ...existing, ...body } as RESTPostAPIApplicationCommandsJSONBody;
    const invalid = validateCommands([merged], false);
    if (invalid) return invalid;
    const edited = build(merged, existing);
    state.commands.set(scope, list.with(index, edited));
    return { status: 200, body: edited };
  }
  return METHOD_NOT_ALLOWED;
}
