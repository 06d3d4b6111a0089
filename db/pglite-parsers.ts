/**
 * drizzle's PGlite driver sends the same parsers with every query: dates, timestamps, intervals and
 * their arrays (and numeric[]) stay text, as they do through `pg`. For each query PGlite then copies
 * its own table of parsers (one for each array type among them: 318 in this schema) to merge those few into
 * it. Under the bench's check-in writes that copy took more of the server's CPU than any other
 * function of PGlite's JavaScript (docs/performance.md, stop 25).
 *
 * Here those parsers are installed once on the client. A query whose parsers are all of them (the
 * same type ids, each returning its text unchanged) runs without its own; any other query keeps
 * its parsers, so the answers are the same either way (tests/integration/pglite-parsers.test.ts).
 * Applied by openDatabase to every PGlite, for queries in and out of transactions.
 */
export type Parser = (value: string, typeId: number) => unknown;
type QueryOptions = { parsers?: Record<number, Parser> } & Record<string, unknown>;
type Query = (text: string, params?: unknown[], options?: QueryOptions) => Promise<unknown>;

type Tx = { query: Query };

/** What this needs of a PGlite client (its own types are wider than these few members). */
export interface ParsingClient {
  parsers: Record<number, Parser>;
  query: Query;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** date, timestamp, timestamptz, interval, their arrays, and numeric[]: the types drizzle keeps as text. */
export const TEXT_TYPES = [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231] as const;

const keepText: Parser = (value) => value;
const PROBE = "stageline: does this parser keep its text?";

/** `options` without the parsers the client holds already; `options` itself when any of them differs. */
export function withoutInstalledParsers(client: { parsers: Record<number, Parser> }, options: QueryOptions | undefined): QueryOptions | undefined {
  const own = options?.parsers;
  if (!own) return options;
  for (const key of Object.keys(own)) {
    const id = Number(key);
    if (client.parsers[id] !== keepText || own[id]!(PROBE, id) !== PROBE) return options;
  }
  const { parsers: _installed, ...rest } = options;
  return rest;
}

export function installTextParsers<C extends ParsingClient>(client: C): C {
  for (const id of TEXT_TYPES) client.parsers[id] = keepText;
  const query = client.query.bind(client);
  client.query = (text, params, options) => query(text, params, withoutInstalledParsers(client, options));
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(fn: (tx: Tx) => Promise<T>) =>
    transaction((tx: Tx) => {
      // The transaction's own object, but for query: its other members (sql, exec, closed) are inherited.
      const lean = Object.create(tx) as Tx;
      lean.query = (text, params, options) => tx.query(text, params, withoutInstalledParsers(client, options));
      return fn(lean);
    });
  return client;
}
