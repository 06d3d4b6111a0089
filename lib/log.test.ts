import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger, routeConsoleToLogger, safeError } from "./log";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

// What drizzle throws when PostgreSQL refuses a write: the values are in the message and `params`.
function drizzleError() {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_uq"'), {
    code: "23505",
    constraint: "users_email_uq",
    detail: "Key (lower(email))=(rosa@secret-bakery.example) already exists.",
  });
  return Object.assign(new Error('Failed query: insert into "users" ("email", "name") values ($1, $2)\nparams: rosa@secret-bakery.example,Rosa Secret'), {
    name: "DrizzleQueryError",
    params: ["rosa@secret-bakery.example", "Rosa Secret"],
    cause,
  });
}

describe("structured logs", () => {
  it("log an error with its SQL but without its parameters or row values", async () => {
    const { logger, lines } = capture();
    logger.error({ err: drizzleError() }, "import failed");
    const out = lines.join("");
    const entry = JSON.parse(out);
    expect(entry.msg).toBe("import failed");
    expect(entry.err.message).toContain('insert into "users"');
    expect(entry.err.cause.code).toBe("23505");
    expect(entry.err.cause.constraint).toBe("users_email_uq");
    expect(out).not.toContain("secret-bakery");
    expect(out).not.toContain("Rosa Secret");
  });

  it("redact passwords, tokens and parameters in logged objects", () => {
    const { logger, lines } = capture();
    logger.info({ params: ["x@y.z"], body: { password: "hunter2", token: "sl_abc" } }, "request");
    const out = lines.join("");
    expect(out).not.toContain("hunter2");
    expect(out).not.toContain("sl_abc");
    expect(out).not.toContain("x@y.z");
  });

  it("route console.error (Next's own error reports) through the same redaction", () => {
    const { logger, lines } = capture();
    const original = console.error;
    try {
      routeConsoleToLogger(logger);
      console.error("[api] unexpected error:", drizzleError());
    } finally {
      console.error = original;
    }
    const out = lines.join("");
    expect(JSON.parse(out).level).toBe(50);
    expect(out).toContain("[api] unexpected error:");
    expect(out).not.toContain("secret-bakery");
  });

  it("safeError keeps plain strings without parameters", () => {
    expect(safeError("Failed query: select 1\nparams: secret")).toBe("Failed query: select 1");
  });
});
