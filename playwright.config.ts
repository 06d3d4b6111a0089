import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";

// e2e runs against a production build (scripts/start.mjs builds when needed) on its own
// database: a fresh embedded folder, or E2E_DATABASE_URL, which must be a local server.
const port = Number(process.env.E2E_PORT ?? 3100);
const dbUrl = process.env.E2E_DATABASE_URL;
if (dbUrl && !/^postgres(ql)?:\/\/[^/]*@?(localhost|127\.0\.0\.1)(:\d+)?\//.test(dbUrl)) {
  throw new Error(`Refusing to run e2e against a non-local database: ${dbUrl.replace(/:[^:@/]*@/, ":***@")}`);
}

// Debian's Chromium: its headless shell when installed (scripts/test.sh installs it; the same
// build without the desktop browser's window and toolbar, about half the e2e run's time here), else
// the full browser.
const chromium =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/e2e-${port}`,
  // Spec files run side by side (two workers by default, E2E_WORKERS to change); the tests of one
  // file run in order in one worker. Files do not depend on each other: each reuses the sessions
  // saved by e2e/auth.setup.ts, names what it creates uniquely, and changes (deactivates, invites)
  // only users no other file signs in as.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // The demo firm's people are in Dhaka, and so are their browsers: signing in adopts the
    // browser's zone for a user without one (db/queries/preferences.ts), and the specs expect the
    // firm's "today" (e2e/helpers.ts firmDay). Without this, Chromium takes the machine's zone
    // (UTC here), and between 18:00 and 24:00 UTC the two "todays" differ.
    timezoneId: "Asia/Dhaka",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Signs in once per demo login and saves e2e/.auth/<login>.json; the specs reuse those sessions.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", use: { browserName: "chromium" }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${port}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      ...(dbUrl ? { DATABASE_URL: dbUrl, AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000" } : { DATABASE_URL: "", PGLITE_DIR: `.data/e2e-${port}/pglite` }),
    },
  },
});
