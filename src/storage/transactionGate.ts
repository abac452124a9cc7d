import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

/**
 * A port whose methods answer at once: what the SQLite stores implement, since better-sqlite3 is
 * synchronous. `gated` turns one into the asynchronous port the core uses.
 */
export type Immediate<Port> = {
  [K in keyof Port]: Port[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : Port[K];
};

/**
 * Asynchronous transactions on one better-sqlite3 connection.
 *
 * better-sqlite3's own `db.transaction(fn)` cannot take an async `fn`: it commits when `fn` returns its
 * Promise, that is at the first `await` (drizzle-orm issue #1472). So a transaction here is `BEGIN
 * IMMEDIATE`, the awaited work, then `COMMIT`, or `ROLLBACK` if the work throws. IMMEDIATE takes the
 * database's write lock up front, so busy_timeout queues it behind another process's writer.
 *
 * One connection has one transaction at a time, and while one awaits, anything else run on the
 * connection would silently become part of it (and be rolled back with it). So:
 * - transactions of this process queue for their turn (a promise chain);
 * - a statement from outside the open transaction waits until it ends;
 * - a statement from inside runs at once (waiting would deadlock on itself), and so does a nested
 *   transaction, which joins the open one. "Inside" is the async context the transaction's work runs
 *   in (AsyncLocalStorage), so it holds across awaits and helper calls without passing anything.
 *
 * A transaction's work must not wait for anything that itself waits for the gate from outside (another
 * request's statement): that would never end. The core's transactions only await the store.
 * A store method may still use drizzle's `db.transaction` around work that never awaits: it is over
 * before anything else runs, and inside an open transaction it becomes a savepoint.
 */
export class TransactionGate {
  private readonly context = new AsyncLocalStorage<object>();
  /** The open transaction's identity, or null; compared with the caller's context. */
  private open: object | null = null;
  /** Settles when the open transaction ends. */
  private closed: Promise<void> = Promise.resolve();
  /** Settles when every transaction queued so far has ended: the tail of the queue. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly client: Database.Database) {}

  /** Whether this process holds the database's write lock in a transaction right now. */
  get inTransaction(): boolean {
    return this.open !== null;
  }

  /** Whether the caller runs inside the open transaction. */
  private inside(): boolean {
    return this.open !== null && this.context.getStore() === this.open;
  }

  /** Runs `statement` once no other caller's transaction is open, and answers with its result. */
  async run<T>(statement: () => T): Promise<T> {
    // Another transaction may open between the wake-up and this check, hence a loop.
    while (this.open !== null && !this.inside()) await this.closed;
    return statement();
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside()) return work();
    const previous = this.queue;
    let release = () => {};
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      // Statements that waited for the previous transaction ran when it closed (their wake-ups were
      // queued before this one), so none is left behind that would land in this one.
      this.client.exec("BEGIN IMMEDIATE");
      const identity = {};
      let close = () => {};
      this.closed = new Promise<void>((resolve) => {
        close = resolve;
      });
      this.open = identity;
      try {
        const result = await this.context.run(identity, work);
        this.client.exec("COMMIT");
        return result;
      } catch (error) {
        // Checked: a failed COMMIT (a full disk, say) may or may not have ended the transaction.
        if (this.client.inTransaction) this.client.exec("ROLLBACK");
        throw error;
      } finally {
        this.open = null;
        close();
      }
    } finally {
      release();
    }
  }

  /** Settles once the transactions queued so far have ended. */
  async drained(): Promise<void> {
    let tail: Promise<void>;
    do {
      tail = this.queue;
      await tail;
    } while (tail !== this.queue);
  }
}

/**
 * `inner`'s methods as an asynchronous port: each runs through `gate`, so it never lands inside
 * another caller's open transaction. Built once per store, not per call.
 */
export function gated<Port extends object>(inner: Immediate<Port>, gate: TransactionGate): Port {
  const port: Record<string, unknown> = {};
  for (const name of methodNames(inner)) {
    const method = (inner as Record<string, (...args: unknown[]) => unknown>)[name];
    if (typeof method !== "function") continue;
    port[name] = (...args: unknown[]) => gate.run(() => method.apply(inner, args));
  }
  return port as Port;
}

/** The methods of a class instance (its prototype's own functions), constructor aside. */
function methodNames(instance: object): string[] {
  const prototype = Object.getPrototypeOf(instance) as object;
  return Object.getOwnPropertyNames(prototype).filter((name) => name !== "constructor");
}
