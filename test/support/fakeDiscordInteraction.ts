import { performance } from 'node:perf_hooks';
import {
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  InteractionResponseType,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';
import type {
  FakeInteraction,
  FinalMessageRecord,
  InteractionResponseRecord,
  MessageBody,
} from './fakeDiscordTypes';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  settled: boolean;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  const d: Deferred<T> = {
    promise,
    settled: false,
    resolve(value) {
      if (d.settled) return;
      d.settled = true;
      resolve(value);
    },
  };
  return d;
}

/** Race a promise against a timer that rejects with `message`; the timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (waited ${timeoutMs} ms)`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits on a condition over mutable state. Call `notify()` after every state change; each pending
 * `until(check)` re-runs its check and resolves with the first non-undefined result.
 */
export class Waiters {
  private readonly pending = new Set<() => boolean>();

  until<T>(check: () => T | undefined, timeoutMs: number, message: string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    const d = deferred<T>();
    const poll = (): boolean => {
      const value = check();
      if (value === undefined) return false;
      d.resolve(value);
      return true;
    };
    this.pending.add(poll);
    return withTimeout(d.promise, timeoutMs, message).finally(() => this.pending.delete(poll));
  }

  notify(): void {
    for (const poll of [...this.pending]) if (poll()) this.pending.delete(poll);
  }
}

/** Server-side record of one dispatched interaction; the FakeInteraction handle tests hold. */
export class InteractionRecord<Data = MessageBody> implements FakeInteraction<Data> {
  readonly followUps: RESTPostAPIWebhookWithTokenJSONBody[] = [];
  readonly edits: RESTPatchAPIWebhookWithTokenMessageJSONBody[] = [];
  /** Accepted callback bodies (normally one). */
  readonly callbacks: APIInteractionResponse[] = [];
  /** The message @original refers to: the reply, or for components the message the component is on. */
  original: APIMessage | undefined;
  /** Follow-up messages by id, for PATCH/GET/DELETE /webhooks/{app}/{token}/messages/{id}. */
  readonly followUpMessages = new Map<string, APIMessage>();
  private readonly dispatchedAt = performance.now();
  private readonly firstResponse = deferred<InteractionResponseRecord<Data>>();
  private readonly final = deferred<FinalMessageRecord>();

  constructor(
    readonly id: string,
    readonly token: string,
    readonly payload: APIInteraction,
  ) {}

  get label(): string {
    const data = 'data' in this.payload ? this.payload.data : undefined;
    const name = data && ('name' in data ? data.name : 'custom_id' in data ? data.custom_id : undefined);
    return `interaction ${this.id} (${name ?? `type ${this.payload.type}`})`;
  }

  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  elapsedMs(): number {
    return Math.round((performance.now() - this.dispatchedAt) * 10) / 10;
  }

  response(timeoutMs = 2000): Promise<InteractionResponseRecord<Data>> {
    return withTimeout(this.firstResponse.promise, timeoutMs, `${this.label}: no interaction callback`);
  }

  finalMessage(timeoutMs = 2000): Promise<FinalMessageRecord> {
    return withTimeout(this.final.promise, timeoutMs, `${this.label}: no final message`);
  }

  /** An accepted callback (validated by the route): its data is this interaction's kind of data. */
  recordCallback(body: APIInteractionResponse): void {
    this.callbacks.push(body);
    const elapsedMs = this.elapsedMs();
    const data = ('data' in body && body.data) || {};
    this.firstResponse.resolve({ type: body.type, data: data as Data, elapsedMs });
    if (
      body.type === InteractionResponseType.ChannelMessageWithSource ||
      body.type === InteractionResponseType.UpdateMessage
    ) {
      this.final.resolve({ data: body.data ?? {}, elapsedMs });
    }
  }

  recordEdit(messageId: string, body: RESTPatchAPIWebhookWithTokenMessageJSONBody): void {
    this.edits.push(body);
    if (messageId === '@original') this.resolveFinal(body as MessageBody);
  }

  /** The message the user finally sees is known (no-op if it already was). */
  resolveFinal(data: MessageBody): void {
    this.final.resolve({ data, elapsedMs: this.elapsedMs() });
  }
}
