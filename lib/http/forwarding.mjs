// Which X-Forwarded-* headers the server believes. Next itself only fills them when they are
// missing, which would let any client pick its own address (and a fresh rate-limit allowance)
// or its own host (and pass origin checks). Without TRUST_PROXY the socket is the truth.

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** @param {{ headers: Record<string, string | string[] | undefined>, socket: { remoteAddress?: string } }} req */
export function normaliseForwarding(req, trustProxy) {
  if (!trustProxy) {
    for (const h of FORWARDED) delete req.headers[h];
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  } else if (!req.headers["x-forwarded-for"]) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  }
}

export function trustProxyFromEnv(value = process.env.TRUST_PROXY) {
  return ["1", "true", "yes"].includes((value ?? "").trim().toLowerCase());
}

/** Next's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB by default). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * A server action request Next would fail with a 500 ("Body exceeded 1 MB limit"), answered
 * here instead: 413 past the limit, 411 without a declared length (browsers always declare one
 * for a form). Returns the status and message, or null to let Next handle the request.
 * @param {{ method?: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function actionBodyProblem(req) {
  if (req.method !== "POST" || !req.headers["next-action"]) return null;
  const length = Number(req.headers["content-length"]);
  if (req.headers["content-length"] === undefined || !Number.isFinite(length)) {
    return { status: 411, message: "A form must declare its length (Content-Length)." };
  }
  if (length > ACTION_BODY_LIMIT) {
    return { status: 413, message: `The form is larger than ${ACTION_BODY_LIMIT / 1024 / 1024} MB: shorten the text and send it again.` };
  }
  return null;
}
