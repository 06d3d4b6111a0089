// Worker thread of the stages command: reads the part of a large CSV file that starts at byte
// `start` (a record boundary after the header, chosen by stages.ts) while the main thread reads
// the part before it, and posts the validated records in compact batches.
//
// Batch format: `data` holds SLOTS numbers per record. Numeric fields are stored as numbers
// (NaN = null); every other field (client excepted) is an index into a table of values that
// both sides build in the same order: each batch carries the values first seen in it (`values`:
// date strings, enum strings, shared list arrays, null). Clients are numbered in order of first
// appearance in this part; each batch carries the names first seen in it (`names`).
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { readCsvHeader, readCsvStream } from "../lib/checkin-format/csv";
import type { CheckInRecord, FormatError } from "../lib/checkin-format";

export const SLOTS = 15;
export const BATCH = 8192;

export interface WorkerInput {
  file: string;
  start: number;
  now: number;
}
export type WorkerMessage =
  | { type: "batch"; n: number; data: Float64Array; values: unknown[]; names: string[] }
  /** `errors` lines count from the part's first line (line 1). `header` false: no header found. */
  | { type: "done"; errors: FormatError[]; header: boolean };

async function run({ file, start, now }: WorkerInput): Promise<void> {
  const port = parentPort!;
  const header = await readCsvHeader(createReadStream(file, { highWaterMark: 1 << 16 }));
  if (header === null) {
    port.postMessage({ type: "done", errors: [], header: false } satisfies WorkerMessage);
    return;
  }

  const valueIds = new Map<unknown, number>();
  const clientIds = new Map<string, number>();
  let values: unknown[] = [];
  let names: string[] = [];
  let data = new Float64Array(BATCH * SLOTS);
  let n = 0;

  const id = (v: unknown): number => {
    let i = valueIds.get(v);
    if (i === undefined) {
      i = valueIds.size;
      valueIds.set(v, i);
      values.push(v);
    }
    return i;
  };
  const flush = () => {
    if (n === 0) return;
    const msg: WorkerMessage = { type: "batch", n, data, values, names };
    port.postMessage(msg, [data.buffer]);
    data = new Float64Array(BATCH * SLOTS);
    values = [];
    names = [];
    n = 0;
  };

  const errors = await readCsvStream(
    createReadStream(file, { start, highWaterMark: 1 << 20 }),
    (r: CheckInRecord) => {
      let c = clientIds.get(r.client);
      if (c === undefined) {
        c = clientIds.size;
        clientIds.set(r.client, c);
        names.push(r.client);
      }
      const o = n * SLOTS;
      data[o] = c;
      data[o + 1] = id(r.date);
      data[o + 2] = id(r.accounts);
      data[o + 3] = id(r.accountsSince);
      data[o + 4] = r.postsLast30d;
      data[o + 5] = id(r.rhythm);
      data[o + 6] = r.automatedShare;
      data[o + 7] = id(r.replies);
      data[o + 8] = id(r.promotion);
      data[o + 9] = id(r.results);
      data[o + 10] = id(r.tools);
      data[o + 11] = r.mentionResponseHours ?? NaN;
      data[o + 12] = id(r.advocacy);
      data[o + 13] = id(r.attitude);
      data[o + 14] = r.followers ?? NaN;
      if (++n === BATCH) flush();
    },
    new Date(now),
    { shareLists: true, header },
  );
  if (errors.length > 0) n = 0; // the file is rejected: no need to send more records
  flush();
  port.postMessage({ type: "done", errors, header: true } satisfies WorkerMessage);
}

if (parentPort !== null) void run(workerData as WorkerInput);
