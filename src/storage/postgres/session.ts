import { AsyncLocalStorage } from "node:async_hooks";

/** What a statement answers: its rows, and how many rows it wrote (or read, for a SELECT). */
export interface PgResult<Row> {
  rows: Row[];
  rowCount: number;
}

/** Something that runs one statement with `$1, $2, ...` parameters: a pool, a connection, PGlite. */
export interface PgSession {
  /**
   * `name`, for a statement whose text never changes, lets a driver prepare it once per connection
   * and only bind it after: the server skips parsing and planning it again (on node-postgres an add
   * took a third less time in the bench). One name, one text, always.
   */
  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<PgResult<Row>>;
}

/**
 * One PostgreSQL database as the store sees it: statements run on whatever connection is free, and
 * `transaction` runs work on one connection between BEGIN and COMMIT. Two drivers implement it:
 * node-postgres's pool (`nodePgDriver.ts`, what Roundup runs on) and PGlite (`pgliteDriver.ts`, in
 * process, for tests and local use).
 */
export interface PgDriver extends PgSession {
  /** Runs `work` in a transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (session: PgSession) => Promise<T>): Promise<T>;
  /** Applies the migrations in `folder`, once, whoever else is starting at the same moment. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** The transaction a piece of work runs in; `open` turns false when it ends. */
interface OpenTransaction {
  session: PgSession;
  open: boolean;
}

/**
 * Transactions that callers join without passing anything around, as on SQLite (`TransactionGate`):
 * a statement issued from inside a transaction's work, through any store object, runs on the
 * transaction's connection; a nested transaction joins the open one. Work that outlives its
 * transaction (a promise started inside and left running) falls back to the pool once it has ended,
 * rather than reaching a connection handed back to the pool.
 */
export class JoinedTransactions implements PgSession {
  private readonly context = new AsyncLocalStorage<OpenTransaction>();
  private readonly underWay = new Set<Promise<unknown>>();

  constructor(private readonly driver: PgDriver) {}

  /** Whether the caller runs inside an open transaction. */
  get inTransaction(): boolean {
    return this.context.getStore()?.open === true;
  }

  query<Row = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    name?: string,
  ): Promise<PgResult<Row>> {
    const current = this.context.getStore();
    return (current?.open ? current.session : this.driver).query<Row>(text, params, name);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    const running = this.driver.transaction(async (session) => {
      const transaction: OpenTransaction = { session, open: true };
      try {
        return await this.context.run(transaction, work);
      } finally {
        transaction.open = false;
      }
    });
    this.underWay.add(running);
    const forget = () => this.underWay.delete(running);
    running.then(forget, forget);
    return running;
  }

  /** Settles once every transaction under way has ended. */
  async drained(): Promise<void> {
    while (this.underWay.size > 0) await Promise.allSettled([...this.underWay]);
  }
}
