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
    expect(granted.sort()).toEqual(["progress.read", "self-assessment.write"]);
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
