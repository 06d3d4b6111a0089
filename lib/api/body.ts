// Request bodies, for the API and the app's upload routes alike: ONE size cap, counted while the
// body streams in (a chunked upload has no Content-Length, and a declared one may lie), a
// media-type check, JSON parsing with a 400, and multipart forms parsed as a stream (busboy) so
// that nothing beyond the cap, and no part beyond the one file and its few fields, is buffered.
// An uploaded file is not buffered either: its text goes to the caller's parser as it arrives.
import { once } from "node:events";
import Busboy from "busboy";
import { ApiError } from "./errors";
import { JsonDepthError, parseJsonBounded } from "../safe-json";

/** The one limit on every request body: JSON, CSV and multipart uploads. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type MediaKind = "json" | "csv" | "multipart";
export type FileKind = "json" | "csv";

const MEDIA_NAMES: Record<MediaKind, string> = { json: "application/json", csv: "text/csv", multipart: "multipart/form-data" };

/** The media type of the body, without parameters, lower-case; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export function mediaKind(req: Request): MediaKind | null {
  const t = mediaType(req);
  if (t === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(t)) return "json";
  if (t === "text/csv") return "csv";
  if (t === "multipart/form-data") return "multipart";
  return null;
}

export function requireMedia<K extends MediaKind>(req: Request, allowed: readonly K[]): K {
  const kind = mediaKind(req);
  if (!kind || !(allowed as readonly MediaKind[]).includes(kind)) {
    const names = allowed.map((k) => MEDIA_NAMES[k]).join(" or ");
    const got = mediaType(req) || "none";
    throw new ApiError(415, "unsupported_media_type", `Expected Content-Type ${names}, got ${got}.`);
  }
  return kind as K;
}

export function tooLarge(limit = MAX_UPLOAD_BYTES, what = "The upload"): ApiError {
  return new ApiError(413, "payload_too_large", `${what} is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
}

/** The body's chunks, stopping with 413 the moment more than `limit` bytes have arrived (Content-Length or not). */
export async function* bodyChunks(req: Request, limit = MAX_UPLOAD_BYTES): AsyncGenerator<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return;
  const reader = req.body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit);
      yield value;
    }
  } finally {
    // Stopped early (too large, or the consumer gave up): stop reading the client's upload.
    if (!finished) await reader.cancel().catch(() => {});
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notUtf8();
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** The body as UTF-8 text, refusing more than `limit` bytes whatever Content-Length says. */
export async function readText(req: Request, limit = MAX_UPLOAD_BYTES): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const c of bodyChunks(req, limit)) {
    chunks.push(c);
    total += c.byteLength;
  }
  return decodeUtf8(concat(chunks, total));
}

/** A JSON body: 415 for another media type, 413 when too large, 400 when not JSON. */
export async function readJson(req: Request, limit = MAX_UPLOAD_BYTES): Promise<unknown> {
  requireMedia(req, ["json"]);
  const text = await readText(req, limit);
  if (text.trim() === "") throw new ApiError(400, "malformed_json", "The body is empty: expected a JSON value.");
  try {
    return parseJsonBounded(text);
  } catch (err) {
    if (err instanceof JsonDepthError) throw new ApiError(400, "malformed_json", `The body is nested too deeply: at most ${err.maxDepth} levels.`);
    throw new ApiError(400, "malformed_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
}

/** A file sent as the body itself (text/csv, application/json) or as the `file` part of a form, read by `consume` as it streams in. */
export interface Upload<R> {
  kind: FileKind;
  /** The form's file name; null for a bare body. */
  fileName: string | null;
  /** The form's text fields (none for a bare body). */
  fields: Record<string, string>;
  /** What `consume` made of the file's text. */
  result: R;
}

/**
 * Reads the file's text as it arrives: UTF-8 checked chunk by chunk, never the whole file in one
 * string. Whatever it returns is only used when the whole upload turned out well.
 */
export type UploadConsumer<R> = (kind: FileKind, text: AsyncIterable<string>) => Promise<R>;

/** Form parts besides the file: a few short options (consultantId), nothing more. */
const MAX_FIELDS = 8;
const MAX_FIELD_BYTES = 1024;
/** Enough of the text to tell a JSON file without a name or type from CSV. */
const SNIFF_CHARS = 100;

function notUtf8(): ApiError {
  return new ApiError(400, "bad_request", "The body is not valid UTF-8.");
}

/**
 * Reads an upload while `consume` parses its file: 415 for another media type, 413 past the limit,
 * 400 for a form without a file or text that is not UTF-8. The answers are those of reading the
 * whole body first: a problem with the body's text (not UTF-8) is reported only once the whole body
 * has arrived within the limit, so an oversized body is a 413 wherever its bad bytes are.
 */
export async function readUpload<R>(req: Request, consume: UploadConsumer<R>, limit = MAX_UPLOAD_BYTES): Promise<Upload<R>> {
  const kind = requireMedia(req, ["csv", "json", "multipart"]);
  if (kind === "multipart") return readMultipart(req, consume, limit);
  const text = new Utf8Text(bodyChunks(req, limit));
  const result = await consume(kind, text);
  await text.drain();
  if (text.bad) throw notUtf8();
  return { kind, fileName: null, fields: {}, result };
}

/**
 * Bytes in, UTF-8 text out, as a one-pass async iterable. After an invalid byte it yields nothing
 * more but `drain()` still reads the source to its end (the size limit, counted there, comes first).
 */
class Utf8Text implements AsyncIterable<string> {
  bad = false;
  /** Bytes read from the source. */
  bytes = 0;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  private readonly source: AsyncIterator<Uint8Array>;
  private done = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.source = source[Symbol.asyncIterator]();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (;;) {
      const text = await this.next();
      if (text === null) return;
      if (text !== "") yield text;
    }
  }

  /** The next piece of text ("" when a chunk ends inside a character), or null at the end. */
  async next(): Promise<string | null> {
    if (this.done || this.bad) return null;
    const { done, value } = await this.source.next();
    if (done) {
      this.done = true;
      return this.decode(undefined);
    }
    this.bytes += value.byteLength;
    return this.decode(value);
  }

  private decode(bytes: Uint8Array | undefined): string | null {
    try {
      return bytes === undefined ? this.decoder.decode() : this.decoder.decode(bytes, { stream: true });
    } catch {
      this.bad = true;
      return null;
    }
  }

  /** Reads what the consumer left (nothing, unless it stopped early or the text was bad). */
  async drain(): Promise<void> {
    while (!this.done) {
      const { done, value } = await this.source.next();
      if (done) this.done = true;
      else this.bytes += value.byteLength;
    }
  }
}

/** The text with its first SNIFF_CHARS characters looked at already, for fileKind. */
async function sniff(text: Utf8Text): Promise<{ head: string; rest: AsyncIterable<string> }> {
  let head = "";
  while (head.length < SNIFF_CHARS) {
    const t = await text.next();
    if (t === null) break;
    head += t;
  }
  async function* rest() {
    if (head !== "") yield head;
    yield* text;
  }
  return { head, rest: rest() };
}

async function readMultipart<R>(req: Request, consume: UploadConsumer<R>, limit: number): Promise<Upload<R>> {
  let bb: Busboy.Busboy;
  try {
    bb = Busboy({
      headers: { "content-type": req.headers.get("content-type") ?? "" },
      limits: { files: 1, fields: MAX_FIELDS, parts: MAX_FIELDS + 1, fieldSize: MAX_FIELD_BYTES, fieldNameSize: 100, fileSize: limit },
    });
  } catch (err) {
    throw new ApiError(400, "bad_request", `The form cannot be read: ${(err as Error).message}.`);
  }
  let failure: ApiError | null = null;
  const fail = (e: ApiError) => (failure ??= e);
  const fields: Record<string, string> = {};
  // The file is parsed while the form streams in: busboy's file stream pauses the form when the parser falls behind.
  type FilePart = { name: string; kind: FileKind | null; text: Utf8Text; parsed: Promise<R> };
  let file: FilePart | null = null;
  const extraParts = () => fail(new ApiError(413, "payload_too_large", `The form has more parts than one file and ${MAX_FIELDS} short fields.`));

  bb.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) fail(new ApiError(413, "payload_too_large", `The form field "${name.slice(0, 100)}" is longer than ${MAX_FIELD_BYTES} bytes.`));
    else fields[name] = value;
  });
  bb.on("file", (name, stream, info) => {
    if (name !== "file") {
      stream.resume(); // a file under another name is not what we asked for: read past it
      return;
    }
    const text = new Utf8Text(stream);
    const mime = (info.mimeType ?? "").toLowerCase();
    const f: FilePart = { name: info.filename ?? "", kind: null, text, parsed: Promise.resolve(null as R) };
    f.parsed = (async () => {
      const { head, rest } = await sniff(text);
      f.kind = fileKind(f.name, mime, head);
      const r = await consume(f.kind, rest);
      await text.drain();
      return r;
    })();
    f.parsed.catch(() => {}); // awaited below; never an unhandled rejection
    file = f;
    stream.on("limit", () => fail(tooLarge(limit)));
  });
  bb.on("filesLimit", extraParts);
  bb.on("fieldsLimit", extraParts);
  bb.on("partsLimit", extraParts);
  const closed = new Promise<void>((resolve, reject) => {
    bb.on("close", resolve);
    bb.on("error", reject);
  });
  closed.catch(() => {}); // read below; never an unhandled rejection

  try {
    for await (const chunk of bodyChunks(req, limit)) {
      if (failure) break;
      if (!bb.write(chunk)) await once(bb, "drain");
    }
    if (!failure) {
      bb.end();
      await closed;
    }
  } catch (err) {
    bb.destroy(); // ends the file's stream too, so its parser stops
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, "bad_request", `The upload did not arrive complete or is not a valid form: ${(err as Error).message}.`);
  } finally {
    if (failure) bb.destroy();
  }
  if (failure) throw failure;
  const got = file as FilePart | null; // assigned in a callback: TypeScript cannot see it
  if (!got) throw noFile();
  const result = await got.parsed;
  if (got.text.bytes === 0) throw noFile();
  if (got.text.bad) throw notUtf8();
  return { kind: got.kind!, fileName: got.name, fields, result };
}

function noFile(): ApiError {
  return new ApiError(400, "bad_request", "The form has no file: send it as the part named \"file\".", [{ column: "file", message: "required" }]);
}

/** CSV or JSON: by the file's name, else its declared type, else its first characters. */
function fileKind(name: string, mime: string, head: string): FileKind {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".csv")) return "csv";
  if (mime === "application/json") return "json";
  if (mime === "text/csv") return "csv";
  return /^\uFEFF?\s*[[{]/.test(head.slice(0, SNIFF_CHARS)) ? "json" : "csv";
}
