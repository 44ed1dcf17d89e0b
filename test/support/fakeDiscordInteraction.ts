import { performance } from 'node:perf_hooks';
import type {
  FakeInteraction,
  FinalMessageRecord,
  InteractionResponseRecord,
  Payload,
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
export class InteractionRecord implements FakeInteraction {
  readonly followUps: Payload[] = [];
  readonly edits: Payload[] = [];
  /** Accepted callback bodies (normally one). */
  readonly callbacks: Payload[] = [];
  /** Over HTTP (FakeDiscord.deliverOverHttp): the endpoint's status, and why it was not a valid callback. */
  endpointStatus: number | undefined;
  endpointError: string | undefined;
  /** The message @original refers to: the reply, or for components the message the component is on. */
  original: Payload | undefined;
  /** Follow-up messages by id, for PATCH/GET/DELETE /webhooks/{app}/{token}/messages/{id}. */
  readonly followUpMessages = new Map<string, Payload>();
  private readonly dispatchedAt = performance.now();
  private readonly firstResponse = deferred<InteractionResponseRecord>();
  private readonly final = deferred<FinalMessageRecord>();

  constructor(
    readonly id: string,
    readonly token: string,
    readonly payload: Payload,
  ) {}

  get label(): string {
    const data = this.payload.data;
    return `interaction ${this.id} (${data?.name ?? data?.custom_id ?? `type ${this.payload.type}`})`;
  }

  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  elapsedMs(): number {
    return Math.round((performance.now() - this.dispatchedAt) * 10) / 10;
  }

  response(timeoutMs = 2000): Promise<InteractionResponseRecord> {
    return withTimeout(this.firstResponse.promise, timeoutMs, `${this.label}: no interaction callback`);
  }

  finalMessage(timeoutMs = 2000): Promise<FinalMessageRecord> {
    return withTimeout(this.final.promise, timeoutMs, `${this.label}: no final message`);
  }

  recordCallback(body: Payload): void {
    this.callbacks.push(body);
    const elapsedMs = this.elapsedMs();
    this.firstResponse.resolve({ type: body.type, data: body.data, elapsedMs });
    if (body.type === 4 || body.type === 7) this.final.resolve({ data: body.data, elapsedMs });
  }

  recordEdit(messageId: string, body: Payload): void {
    this.edits.push(body);
    if (messageId === '@original') this.resolveFinal(body);
  }

  /** The message the user finally sees is known (no-op if it already was). */
  resolveFinal(data: Payload): void {
    this.final.resolve({ data, elapsedMs: this.elapsedMs() });
  }
}
