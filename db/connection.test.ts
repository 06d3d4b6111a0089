import { describe, expect, it } from "vitest";
import { loginOf, redactUrl, roleToSwitch } from "./index";

// How a pool becomes the app's role (db/index.ts): by the `-c role=` start-up option on a direct
// connection, or by logging in as that role, the only way through PgBouncer (docs/scaling.md).
describe("roleToSwitch", () => {
  it("switches an owner's login to the app's role", () => {
    expect(roleToSwitch("postgres://postgres@127.0.0.1:5432/db", "stageline_app")).toBe("stageline_app");
  });

  it("switches nothing when the login is the app's role already, or with none", () => {
    expect(roleToSwitch("postgres://stageline_app:pw@127.0.0.1:6432/db", "stageline_app")).toBeUndefined();
    expect(roleToSwitch("postgres://web@127.0.0.1:6432/db", "none")).toBeUndefined();
    expect(roleToSwitch("postgres://web@127.0.0.1:6432/db", undefined)).toBeUndefined();
  });

  it("reads the login from the URL, decoded", () => {
    expect(loginOf("postgres://stage%6Cine_app@h/db")).toBe("stageline_app");
  });
});

describe("redactUrl", () => {
  it("hides the password, keeps the rest", () => {
    expect(redactUrl("postgres://app:s3cr%40t@db.internal:6432/prod")).toBe("postgres://app:***@db.internal:6432/prod");
    expect(redactUrl("postgres://app@db/prod")).toBe("postgres://app@db/prod");
  });
});
