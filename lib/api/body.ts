// Request bodies: a size cap checked on Content-Length and again while reading the stream
// (a chunked upload has no length), a media-type check, and JSON parsing with a 400.
import { ApiError } from "./errors";

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export type MediaKind = "json" | "csv";

/** The media type of the body, without parameters, lower-case; "" when absent. */
export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export function mediaKind(req: Request): MediaKind | null {
  const t = mediaType(req);
  if (t === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(t)) return "json";
  if (t === "text/csv") return "csv";
  return null;
}

export function requireMedia(req: Request, allowed: readonly MediaKind[]): MediaKind {
  const kind = mediaKind(req);
  if (!kind || !allowed.includes(kind)) {
    const names = allowed.map((k) => (k === "json" ? "application/json" : "text/csv")).join(" or ");
    const got = mediaType(req) || "none";
    throw new ApiError(415, "unsupported_media_type", `Expected Content-Type ${names}, got ${got}.`);
  }
  return kind;
}

function tooLarge(limit: number): ApiError {
  return new ApiError(413, "payload_too_large", `The body is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
}

/** The body as UTF-8 text, refusing more than `limit` bytes whatever Content-Length says. */
export async function readText(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_request", "The body is not valid UTF-8.");
  }
}

/** A JSON body: 415 for another media type, 413 when too large, 400 when not JSON. */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  requireMedia(req, ["json"]);
  const text = await readText(req, limit);
  if (text.trim() === "") throw new ApiError(400, "malformed_json", "The body is empty: expected a JSON value.");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, "malformed_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
}
