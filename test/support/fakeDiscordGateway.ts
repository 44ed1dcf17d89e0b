import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GatewayDispatchEvents,
  type GatewayGuildCreateDispatchData,
  type GatewayHeartbeatAck,
  type GatewayHello,
  type GatewayIdentifyData,
  type GatewayInvalidSession,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  type GatewayRequestGuildMembersData,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { Waiters } from './fakeDiscordInteraction';
import { NO_FLAGS, shardForGuild, type UserInfo, userPayload } from './fakeDiscordPayloads';
import type { IdentifyRecord } from './fakeDiscordTypes';

/** A dispatch as sent: typed event name and sequence; `d` is the event's own payload type. */
interface DispatchFrame {
  op: GatewayOpcodes.Dispatch;
  t: GatewayDispatchEvents;
  s: number;
  d: unknown;
}

/** Discord sends `d`, `s` and `t` on every frame (null where unused); discord-api-types leaves some out. */
type OnTheWire<T extends { op: GatewayOpcodes }> = Omit<T, 'd'> & { d: unknown; s: null; t: null };

type ServerFrame =
  | OnTheWire<GatewayHello>
  | OnTheWire<GatewayHeartbeatAck>
  | OnTheWire<GatewayInvalidSession>
  | DispatchFrame;

/** A frame from the client, before its op says what its `d` is: JSON, so anything until checked. */
interface ClientFrame {
  op?: unknown;
  d?: unknown;
}

export const HEARTBEAT_INTERVAL = 41_250;
/** Server close codes after which Discord does not let the session be resumed. */
const NON_RESUMABLE = new Set([1000, 1001, 4004, 4007, 4010, 4011, 4012, 4013, 4014]);

export interface GatewayConfig {
  token: string;
  applicationId: string;
  botUser: UserInfo;
  guildIds: string[];
  wsUrl(): string;
  guildCreate(guildId: string): GatewayGuildCreateDispatchData;
}

interface Session {
  id: string;
  shard?: [number, number];
  guildIds: string[];
  seq: number;
  /** Every dispatch sent in this session, replayed after the client's `seq` on RESUME. */
  log: DispatchFrame[];
  connection?: Connection;
  resumable: boolean;
}

interface Connection {
  socket: WebSocket;
  session?: Session;
  /** True once the server has started closing or dropping this socket. */
  serverClosed: boolean;
}

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: Array<{ sessionId: string; seq: number }> = [];
  readonly clientCloseCodes: number[] = [];
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly sessions: Session[] = [];
  private readonly waiters = new Waiters();
  private readyCount = 0;
  private closeCodesConsumed = 0;

  constructor(
    server: Server,
    private readonly config: GatewayConfig,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.onConnection(socket));
  }

  waitForReady(count: number, timeoutMs: number): Promise<void> {
    return this.waiters
      .until(
        () => (this.readyCount >= count ? true : undefined),
        timeoutMs,
        `FakeDiscord: ${count} gateway session(s) ready, have ${this.readyCount}`,
      )
      .then(() => undefined);
  }

  /** Resolves with the next client close code not yet returned by an earlier call. */
  waitForClientClose(timeoutMs: number): Promise<number> {
    return this.waiters
      .until(() => this.clientCloseCodes[this.closeCodesConsumed], timeoutMs, 'FakeDiscord: no client close')
      .then((code) => {
        this.closeCodesConsumed++;
        return code;
      });
  }

  /** Dispatch an event to the session owning `guildId` (latest one for its shard); buffered if disconnected. */
  dispatchToGuild(guildId: string, t: GatewayDispatchEvents, d: unknown): void {
    const owners = this.sessions.filter((s) => s.resumable && s.guildIds.includes(guildId));
    const session = owners.findLast((s) => s.connection) ?? owners.at(-1);
    if (!session)
      throw new Error(`FakeDiscord: no gateway session owns guild ${guildId}; await waitForReady()`);
    this.dispatch(session, t, d);
  }

  closeAll(code: number): void {
    for (const conn of this.connections) {
      conn.serverClosed = true;
      if (conn.session && NON_RESUMABLE.has(code)) conn.session.resumable = false;
      conn.socket.close(code, 'FakeDiscord closed the gateway');
    }
  }

  dropAll(): void {
    for (const conn of this.connections) {
      conn.serverClosed = true;
      conn.socket.terminate();
    }
  }

  close(): Promise<void> {
    this.dropAll();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    const conn: Connection = { socket, serverClosed: false };
    this.connections.add(conn);
    socket.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    socket.on('error', () => {});
    socket.on('close', (code) => {
      this.connections.delete(conn);
      const session = conn.session;
      if (session?.connection === conn) session.connection = undefined;
      if (!conn.serverClosed) {
        if (session && (code === 1000 || code === 1001)) session.resumable = false;
        this.clientCloseCodes.push(code);
        this.waiters.notify();
      }
    });
    this.send(conn, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: HEARTBEAT_INTERVAL },
      s: null,
      t: null,
    });
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: ClientFrame | null;
    try {
      payload = JSON.parse(isBinary ? '' : data.toString());
    } catch {
      this.closeConnection(conn, 4002, 'Error while decoding payload.');
      return;
    }
    // `d` is read as what its op should carry, every field checked before use.
    const d = (typeof payload?.d === 'object' && payload.d) || {};
    switch (payload?.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(conn, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify:
        this.identify(conn, d as Partial<GatewayIdentifyData>);
        return;
      case GatewayOpcodes.Resume:
        this.resume(conn, d as Partial<GatewayResumeData>);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!conn.session) {
          this.closeConnection(conn, 4003, 'Not authenticated.');
        } else if (payload.op === GatewayOpcodes.RequestGuildMembers) {
          const { guild_id: guildId, nonce } = d as Partial<GatewayRequestGuildMembersData>;
          this.dispatch(conn.session, GatewayDispatchEvents.GuildMembersChunk, {
            guild_id: guildId,
            members: [],
            chunk_index: 0,
            chunk_count: 1,
            not_found: [],
            ...(nonce ? { nonce } : {}),
          });
        }
        return;
      default:
        this.closeConnection(conn, 4001, 'Unknown opcode.');
    }
  }

  private identify(conn: Connection, d: Partial<GatewayIdentifyData>): void {
    const shard = Array.isArray(d.shard)
      ? ([Number(d.shard[0]), Number(d.shard[1])] as [number, number])
      : undefined;
    this.identifies.push({ token: String(d.token), intents: Number(d.intents), ...(shard ? { shard } : {}) });
    const refusal = this.identifyRefusal(conn, d, shard);
    if (refusal) {
      this.closeConnection(conn, ...refusal);
      return;
    }
    const guildIds = this.config.guildIds.filter((g) => !shard || shardForGuild(g, shard[1]) === shard[0]);
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      guildIds,
      seq: 0,
      log: [],
      connection: conn,
      resumable: true,
      ...(shard ? { shard } : {}),
    };
    conn.session = session;
    this.sessions.push(session);
    const { botUser, applicationId } = this.config;
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: { ...userPayload(botUser, true), verified: true, mfa_enabled: false, email: null },
      guilds: guildIds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.config.wsUrl(),
      application: { id: applicationId, flags: NO_FLAGS, flags_new: '0' },
      ...(shard ? { shard } : {}),
    };
    // What Discord also sends in READY, which discord-api-types does not list.
    const unlisted = {
      user_settings: {},
      session_type: 'normal',
      private_channels: [],
      relationships: [],
      presences: [],
      geo_ordered_rtc_regions: [],
    };
    this.dispatch(session, GatewayDispatchEvents.Ready, { ...ready, ...unlisted });
    for (const guildId of guildIds) {
      this.dispatch(session, GatewayDispatchEvents.GuildCreate, this.config.guildCreate(guildId));
    }
    this.readyCount++;
    this.waiters.notify();
  }

  private identifyRefusal(
    conn: Connection,
    d: Partial<GatewayIdentifyData>,
    shard?: [number, number],
  ): [number, string] | undefined {
    if (conn.session) return [4005, 'Already authenticated.'];
    if (d.token !== this.config.token) return [4004, 'Authentication failed.'];
    if (shard && !(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) return [4010, 'Invalid shard.'];
    return undefined;
  }

  private resume(conn: Connection, d: Partial<GatewayResumeData>): void {
    if (d.token !== this.config.token) {
      this.closeConnection(conn, 4004, 'Authentication failed.');
      return;
    }
    const session = this.sessions.find((s) => s.id === d.session_id && s.resumable);
    if (!session) {
      this.send(conn, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const seq = Number(d.seq ?? 0);
    this.resumes.push({ sessionId: session.id, seq });
    if (session.connection && session.connection !== conn) {
      this.closeConnection(session.connection, 4000, 'Resumed');
    }
    session.connection = conn;
    conn.session = session;
    for (const missed of session.log) if (missed.s > seq) this.send(conn, missed);
    this.dispatch(session, GatewayDispatchEvents.Resumed, {});
    this.waiters.notify();
  }

  private dispatch(session: Session, t: GatewayDispatchEvents, d: unknown): void {
    session.seq++;
    const payload: DispatchFrame = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d };
    session.log.push(payload);
    if (session.connection) this.send(session.connection, payload);
  }

  private send(conn: Connection, payload: ServerFrame): void {
    if (conn.socket.readyState === WebSocket.OPEN) conn.socket.send(JSON.stringify(payload));
  }

  private closeConnection(conn: Connection, code: number, reason: string): void {
    conn.serverClosed = true;
    if (conn.session && NON_RESUMABLE.has(code)) conn.session.resumable = false;
    if (conn.session?.connection === conn) conn.session.connection = undefined;
    conn.socket.close(code, reason);
  }
}
