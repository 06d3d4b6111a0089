import { describe, expect, it } from "vitest";
import { can, homePath, PERMISSIONS, type Actor, type Permission } from "./permissions";

const actor = (role: Actor["role"]): Actor => ({ id: "u", firmId: "f", role, clientId: role === "client" ? "c" : null, email: "a@b.c", name: "A" });

describe("permissions table", () => {
  it("gives managers the portfolio, team and audit, and consultants none of them", () => {
    for (const p of ["portfolio.read", "team.manage", "audit.read"] as Permission[]) {
      expect(can(actor("manager"), p)).toBe(true);
      expect(can(actor("consultant"), p)).toBe(false);
      expect(can(actor("client"), p)).toBe(false);
    }
  });

  it("gives client users only their own progress and self-assessment", () => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor("client"), p));
    expect(granted.sort()).toEqual(["account.manage", "checkins.read", "clients.read", "progress.read", "self-assessment.write", "tokens.manage"]);
    for (const p of ["clients.list", "clients.create", "checkins.write", "checkins.import", "notes.internal.read"] as Permission[]) {
      expect(can(actor("client"), p)).toBe(false);
    }
  });

  it("lets managers choose a consultant for new clients, and consultants only themselves", () => {
    expect(can(actor("manager"), "clients.assign-any-consultant")).toBe(true);
    expect(can(actor("consultant"), "clients.assign-any-consultant")).toBe(false);
    expect(can(actor("manager"), "checkins.import")).toBe(true);
    expect(can(actor("consultant"), "checkins.import")).toBe(true);
  });

  it("has no permission that no code asks for", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !p.endsWith("permissions.ts")) sources.push(readFileSync(p, "utf8"));
      }
    };
    for (const d of ["app", "lib", "db", "components"]) walk(join(process.cwd(), d));
    const all = sources.join("\n");
    const unused = Object.keys(PERMISSIONS).filter((p) => !all.includes(`"${p}"`));
    expect(unused).toEqual([]);
  });

  it("refuses everything to a missing actor", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) expect(can(null, p)).toBe(false);
  });

  it("lands each role on its page", () => {
    expect(homePath("manager")).toBe("/portfolio");
    expect(homePath("consultant")).toBe("/clients");
    expect(homePath("client")).toBe("/progress");
  });
});
