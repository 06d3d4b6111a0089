#!/usr/bin/env node
// The production HTTP server: Next's request handler behind a plain Node server, so that the
// client's address and host come from the socket unless TRUST_PROXY says a proxy stands in front.
import http from "node:http";
import next from "next";
import { actionBodyProblem, normaliseForwarding, trustProxyFromEnv } from "../lib/http/forwarding.mjs";

const trustProxy = trustProxyFromEnv();
const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  normaliseForwarding(req, trustProxy);
  const problem = actionBodyProblem(req);
  if (problem) {
    const answer = () => {
      res.writeHead(problem.status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
      res.end(problem.message);
    };
    // Read and drop a moderately large body so the browser sees the answer, not a reset
    // connection; past 10 MB, answer at once and close.
    if (Number(req.headers["content-length"]) <= 10 * 1024 * 1024) {
      req.on("end", answer).on("error", () => res.destroy()).resume();
    } else {
      answer();
      req.resume();
    }
    return;
  }
  handle(req, res);
});
server.listen(port, () => console.log(`[stageline] listening on port ${port}${trustProxy ? " (trusting X-Forwarded-* from the proxy)" : ""}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
