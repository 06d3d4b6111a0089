// The one error shape of the API and of the app's upload and export routes:
// {"error": {"code", "message", "details": [{line|index, column, message}], "totalDetails"?}}.
// Handlers throw ApiError; the wrapper (lib/api/endpoint.ts) turns anything else into a plain 500.

export interface ErrorDetail {
  line?: number;
  index?: number;
  column: string | null;
  message: string;
}

export type ErrorCode =
  | "bad_request"
  | "malformed_json"
  | "missing_if_match"
  | "unauthorized"
  | "cross_origin"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "stale_version"
  | "duplicate"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "rate_limited"
  | "internal";

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: ErrorCode,
    message: string,
    public details: ErrorDetail[] = [],
    public headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = () => new ApiError(404, "not_found", "Not found.");
export const unauthorized = (message = "Missing or invalid credentials: send Authorization: Bearer <token> or sign in.") =>
  new ApiError(401, "unauthorized", message, [], { "WWW-Authenticate": 'Bearer realm="stageline"' });

/** A file with a million bad lines answers with the first ones and their count, not a million objects. */
export const MAX_LISTED_DETAILS = 500;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[]; totalDetails?: number };
}

/** The body of an error; `totalDetails` only when more details exist than are listed. */
export function errorBody(err: ApiError): ErrorBody {
  const listed = err.details.slice(0, MAX_LISTED_DETAILS);
  return {
    error: { code: err.code, message: err.message, details: listed, ...(err.details.length > listed.length ? { totalDetails: err.details.length } : {}) },
  };
}

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE, ...headers },
  });
}

export function errorResponse(err: ApiError): Response {
  return json(errorBody(err), err.status, err.headers);
}

/** Anything that is not an ApiError: logged on the server, never shown to the caller. */
export function internalErrorResponse(err: unknown): Response {
  console.error("[api] unexpected error:", err);
  return errorResponse(new ApiError(500, "internal", "Something went wrong on our side. Try again later."));
}
