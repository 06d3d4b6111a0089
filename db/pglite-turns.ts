/**
 * PGlite runs its SQL synchronously on the server's one thread, behind one first-in-first-out
 * queue whose hand-offs are promise continuations. Under load the queue can run query after query
 * without the event loop reaching its I/O phase, so connections that arrive meanwhile wait to be
 * accepted and read: at 50 connections, a few requests waited 6 to 8 s while most took half a
 * second (docs/performance.md, run 13). Here, once queries have held the thread for `sliceMs`,
 * the next one first waits one turn of the event loop (setImmediate), so arrivals and replies
 * interleave with the SQL. A request alone pays at most one such turn per slice.
 * Applied by openDatabase to every PGlite; every query goes through execProtocolRaw.
 */
export interface ProtocolRunner {
  execProtocolRaw(message: Uint8Array, options?: { syncToFs?: boolean }): Promise<Uint8Array>;
}

export const PGLITE_SLICE_MS = 5;

export function shareEventLoop<T extends ProtocolRunner>(client: T, sliceMs: number = PGLITE_SLICE_MS): T {
  const run = client.execProtocolRaw.bind(client);
  let sliceStart = -Infinity;
  client.execProtocolRaw = async (message, options) => {
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    return run(message, options);
  };
  return client;
}
