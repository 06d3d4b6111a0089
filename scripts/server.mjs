#!/usr/bin/env node
// The production HTTP server: Next's request handler behind a plain Node server, so that the
// client's address and host come from the socket unless TRUST_PROXY says a proxy stands in front.
import http from "node:http";
import next from "next";
import { normaliseForwarding, trustProxyFromEnv } from "./forwarding.mjs";

const trustProxy = trustProxyFromEnv();
const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();
const server = http.createServer((req, res) => {
  normaliseForwarding(req, trustProxy);
  handle(req, res);
});
server.listen(port, () => console.log(`[stageline] listening on port ${port}${trustProxy ? " (trusting X-Forwarded-* from the proxy)" : ""}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
