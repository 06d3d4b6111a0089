// A streamed export: the file is written part by part as the cursor hands out batches
// (db/queries/export.ts), into a response body that asks for the next part only when the reader
// has taken the previous ones. Server memory stays at a part or two whatever the firm's size.
import { serializeCsv, toJsonObject, type CheckInRecord } from "../checkin-format";

export type ExportFormat = "csv" | "json";

/** Bytes queued in the response body before the producer waits for the reader: about two batches. */
const QUEUE_BYTES = 1024 * 1024;
/** A reader that takes nothing for this long has gone (or stalled): the export stops and its transaction ends. */
export const EXPORT_STALL_MS = 60_000;

/**
 * The file in parts. Joined, the parts are exactly serializeCsv(all) or serializeJson(all): the
 * same header, the same formula protection, the same separators, the same last line.
 */
export function fileParts(format: ExportFormat): { part(records: readonly CheckInRecord[]): string; end(): string } {
  let first = true;
  if (format === "csv") {
    return {
      part(records) {
        const text = serializeCsv(records, { header: first });
        first = false;
        return text;
      },
      end: () => (first ? serializeCsv([]) : ""),
    };
  }
  return {
    part(records) {
      if (records.length === 0) return "";
      const text = (first ? "[\n" : ",\n") + records.map((r) => JSON.stringify(toJsonObject(r))).join(",\n");
      first = false;
      return text;
    },
    end: () => (first ? "[]\n" : "\n]\n"),
  };
}

/**
 * Exports producing at once in this process. Each holds a database connection, in its transaction,
 * for as long as its reader takes: a few slow downloads must not take the whole pool. Later ones
 * wait for a slot (their response has started; its bytes follow).
 */
export const EXPORT_CONCURRENCY = 3;
// On globalThis, like the database pool: each route's bundle may load this module apart.
const slots = ((globalThis as { __stagelineExportSlots?: { producing: number; waiting: (() => void)[] } }).__stagelineExportSlots ??= {
  producing: 0,
  waiting: [],
});

async function takeSlot(): Promise<void> {
  if (slots.producing < EXPORT_CONCURRENCY) {
    slots.producing++;
    return;
  }
  await new Promise<void>((resolve) => slots.waiting.push(resolve)); // the slot passes straight to us
}

function releaseSlot(): void {
  const next = slots.waiting.shift();
  if (next) next();
  else slots.producing--;
}

/** The reader went away or stalled: the producer stops at its next write. */
export class ExportStopped extends Error {}

/**
 * A response body filled by `produce`, which awaits `write(text)` for each part: `write` returns
 * once the body has room (backpressure) and throws ExportStopped when the reader cancelled or took
 * nothing for `stallMs`. `produce` runs after the handler has answered, so it opens its own
 * transaction (ctx.later), once one of the EXPORT_CONCURRENCY slots is free. An error in it ends
 * the body with an error (the download fails rather than ending short) after `onError` has seen it.
 */
export function pullStream(
  produce: (write: (text: string) => Promise<void>) => Promise<void>,
  opts: { stallMs?: number; onError?: (err: unknown) => void } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stallMs = opts.stallMs ?? EXPORT_STALL_MS;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let stopped: ExportStopped | null = null;
  let waiter: { resolve: () => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> } | null = null;

  const wake = () => {
    const w = waiter;
    waiter = null;
    if (!w) return;
    clearTimeout(w.timer);
    if (stopped) w.reject(stopped);
    else w.resolve();
  };
  const stop = (why: string) => {
    stopped ??= new ExportStopped(why);
    wake();
  };

  const write = async (text: string): Promise<void> => {
    if (stopped) throw stopped;
    if (text !== "") controller.enqueue(encoder.encode(text));
    if ((controller.desiredSize ?? 0) > 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop("the reader took nothing for too long");
        try {
          controller.error(stopped);
        } catch {
          /* already closed */
        }
      }, stallMs);
      timer.unref?.();
      waiter = { resolve, reject, timer };
    });
  };

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        // Not awaited: the body is handed out now and filled as it is read.
        const run = async () => {
          await takeSlot();
          try {
            if (stopped) throw stopped; // gone while waiting for a slot
            await produce(write);
          } finally {
            releaseSlot();
          }
        };
        void run().then(
          () => {
            if (!stopped) controller.close();
          },
          (err) => {
            if (err instanceof ExportStopped) return;
            opts.onError?.(err);
            try {
              controller.error(err);
            } catch {
              /* already errored */
            }
          },
        );
      },
      pull: wake,
      cancel: () => stop("the reader cancelled"),
    },
    { highWaterMark: QUEUE_BYTES, size: (chunk) => chunk.byteLength },
  );
}
