#!/usr/bin/env bash
# `npm test`: install what the tests need (Chromium included), then run every suite:
# unit, integration on in-memory PGlite (and on PostgreSQL when DATABASE_URL is set),
# and e2e in Chromium against a production build.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
# Each phase says when it starts (seconds into this script), so a slow run shows where its time went.
phase() { echo "== $1 (at ${SECONDS} s of npm test)"; }

if [ ! -x node_modules/.bin/vitest ] || [ ! -x node_modules/.bin/playwright ]; then
  phase "installing npm packages"
  npm ci --no-audit --no-fund
fi

# Debian's Chromium, as its headless shell when that package is there: the same build and version
# without the desktop browser's window, tab strip and toolbar, which a new Chromium sets up (with a
# renderer of its own) for every browser context a test opens. On this project's 2-core machines
# that about halves the e2e run (README.md, under Quick start).
find_chromium() {
  for p in "${CHROMIUM_PATH:-}" /usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$p" ] && [ -x "$p" ]; then echo "$p"; return 0; fi
  done
  return 1
}
apt_install() {
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ]; then
  phase "installing Chromium (Debian's chromium and chromium-headless-shell)"
  # The full browser stays the fallback: a machine without apt or root still runs every test in it.
  apt_install chromium chromium-headless-shell || echo "could not install chromium-headless-shell; the tests use the full browser if it is there"
fi
if ! CHROMIUM_PATH=$(find_chromium); then
  phase "installing Chromium with Playwright (no apt here)"
  npx playwright install chromium
  CHROMIUM_PATH=$(find_chromium || true)
fi
echo "Chromium for the e2e tests: ${CHROMIUM_PATH:-the one Playwright installed}"
export CHROMIUM_PATH

phase "unit tests"
npx vitest run --project unit --project unit-isolated

phase "integration tests (PGlite)"
TEST_DATABASE_URL= npx vitest run --project integration

if [ -n "${DATABASE_URL:-}" ]; then
  phase "integration tests (PostgreSQL at DATABASE_URL)"
  TEST_DATABASE_URL="$DATABASE_URL" npx vitest run --project integration
fi

phase "production build for e2e"
node scripts/start.mjs --build-only

phase "e2e tests (Chromium, production build, embedded database)"
E2E_DATABASE_URL= npx playwright test
