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
