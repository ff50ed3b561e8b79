// Request/response over the child_process IPC channel (advanced serialization, so Maps and
// typed arrays travel as they are). A child registers handlers; the parent awaits calls.
// Children may also push unsolicited events ({ event, data }) to the parent.
import type { ChildProcess } from 'node:child_process';

type Handler = (args: any) => unknown | Promise<unknown>;

interface Request { id: number; call: string; args: unknown }
interface Response { id: number; ok: boolean; result?: unknown; error?: string }
interface Push { event: string; data: unknown }

/** In a child process: answer the parent's calls. */
export function serve(handlers: Record<string, Handler>): void {
  process.on('message', async (msg: Request) => {
    if (!msg || typeof msg.call !== 'string') return;
    const handler = handlers[msg.call];
    let response: Response;
    try {
      if (!handler) throw new Error(`unknown call ${msg.call}`);
      response = { id: msg.id, ok: true, result: await handler(msg.args) };
    } catch (error) {
      response = { id: msg.id, ok: false, error: (error as Error).stack ?? String(error) };
    }
    process.send?.(response);
  });
  // The parent died or closed the channel: never outlive the benchmark.
  process.on('disconnect', () => process.exit(0));
}

/** In a child process: tell the parent something happened. */
export function push(event: string, data: unknown): void {
  process.send?.({ event, data } satisfies Push);
}

/** Parent side of one child. */
export class Peer {
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; call: string }>();
  private listeners = new Map<string, ((data: any) => void)[]>();

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (msg: Response | Push) => {
      if ('event' in msg) {
        for (const fn of this.listeners.get(msg.event) ?? []) fn(msg.data);
        return;
      }
      const waiter = this.pending.get(msg.id);
      if (!waiter) return;
      this.pending.delete(msg.id);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(`${this.name}: ${waiter.call} failed: ${msg.error}`));
    });
    child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) {
        waiter.reject(new Error(`${this.name} exited (code ${code}, signal ${signal}) during ${waiter.call}`));
      }
      this.pending.clear();
    });
  }

  call<T = unknown>(call: string, args: unknown = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.child.connected) return reject(new Error(`${this.name} is not running (${call})`));
      this.pending.set(id, { resolve, reject, call });
      this.child.send({ id, call, args } satisfies Request);
    });
  }

  on(event: string, fn: (data: any) => void): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(fn);
    this.listeners.set(event, list);
    return () => this.listeners.set(event, (this.listeners.get(event) ?? []).filter((f) => f !== fn));
  }
}
