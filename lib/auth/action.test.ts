import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "./permissions";

const state = vi.hoisted(() => ({ actor: null as Actor | null, firms: [] as string[], committed: 0 }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));
vi.mock("./actor", () => ({ getActor: async () => state.actor }));
// The body runs in the actor's firm transaction (row-level security); here, a stand-in that
// records the firm and counts commits (a body that throws rolls back).
vi.mock("../../db", () => ({ getDb: async () => ({}) }));
vi.mock("../../db/tenant", () => ({
  inFirm: async (_db: unknown, firmId: string, fn: (db: unknown) => Promise<unknown>) => {
    state.firms.push(firmId);
    const out = await fn({});
    state.committed++;
    return out;
  },
}));

const { action, fail, formAction, ok } = await import("./action");

const who = (role: Actor["role"]): Actor => ({ id: "u", firmId: "f", role, clientId: role === "client" ? "c" : null, email: "a@b.c", name: "A" });
const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const schema = z.object({ name: z.string().trim().min(1, "Enter a name."), size: z.coerce.number().int().max(10, "Too big.") });

describe("action()", () => {
  beforeEach(() => {
    state.actor = null;
    state.firms = [];
    state.committed = 0;
  });

  it("runs the body in one transaction naming the actor's firm; a redirect commits before it goes", async () => {
    state.actor = who("consultant");
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/clients;307;" });
    const act = action("clients.create", schema, async () => {
      throw redirect;
    });
    await expect(act(undefined, form({ name: "x", size: "1" }))).rejects.toBe(redirect);
    expect(state.firms).toEqual(["f"]);
    expect(state.committed).toBe(1);
    const failing = action("clients.create", schema, async () => {
      throw new Error("boom");
    });
    await expect(failing(undefined, form({ name: "x", size: "1" }))).rejects.toThrow("boom");
    expect(state.committed).toBe(1);
  });

  it("answers a signed-out or unpermitted caller with not-found, never running the body", async () => {
    const body = vi.fn(async () => ok());
    const act = action("clients.create", schema, body);
    await expect(act(undefined, form({ name: "x", size: "1" }))).rejects.toThrow("NEXT_NOT_FOUND");
    state.actor = who("client");
    await expect(act(undefined, form({ name: "x", size: "1" }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(body).not.toHaveBeenCalled();
  });

  it("returns schema errors in the one shape, with the submitted values (never a password)", async () => {
    state.actor = who("consultant");
    const act = action("clients.create", schema, async () => ok());
    const res = await act({ n: 3, ok: false, fieldErrors: {} }, form({ name: " ", size: "11", password: "secret" }));
    expect(res).toEqual({ n: 4, ok: false, fieldErrors: { name: "Enter a name.", size: "Too big." }, values: { name: " ", size: "11" } });
  });

  it("passes the parsed input and actor to the body and returns its data", async () => {
    state.actor = who("manager");
    const act = action("clients.create", schema, async (input, { actor }) => ok({ echo: `${input.name}:${input.size}:${actor.role}` }));
    expect(await act(undefined, form({ name: " Rosa ", size: "4" }))).toEqual({ n: 1, ok: true, fieldErrors: {}, data: { echo: "Rosa:4:manager" } });
  });

  it("returns the body's own errors in the same shape", async () => {
    state.actor = who("manager");
    const act = action("clients.create", schema, async () => fail({ name: "duplicate" }, "Try again."));
    const res = await act(undefined, form({ name: "Rosa", size: "1" }));
    expect(res).toMatchObject({ ok: false, fieldErrors: { name: "duplicate" }, formError: "Try again." });
  });

  it("runs public actions (permission null) without an actor", async () => {
    const act = action(null, schema, async (_input, { actor }) => ok(actor));
    expect(await act(undefined, form({ name: "x", size: "1" }))).toMatchObject({ ok: true, data: null });
  });
});

describe("formAction()", () => {
  it("treats input that fails the schema as not found", async () => {
    state.actor = who("manager");
    const body = vi.fn(async () => {});
    const act = formAction("team.manage", schema, body);
    await expect(act(form({ name: "", size: "1" }))).rejects.toThrow("NEXT_NOT_FOUND");
    await act(form({ name: "a", size: "1" }));
    expect(body).toHaveBeenCalledOnce();
    state.actor = who("consultant");
    await expect(act(form({ name: "a", size: "1" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("action() notFoundOn", () => {
  it("answers a tampered hidden field with not-found rather than a field error", async () => {
    state.actor = who("manager");
    const act = action("overrides.write", z.object({ clientId: z.uuid(), name: z.string().min(1, "Enter a name.") }), async () => ok(), { notFoundOn: ["clientId"] });
    await expect(act(undefined, form({ clientId: "nope", name: "" }))).rejects.toThrow("NEXT_NOT_FOUND");
    expect(await act(undefined, form({ clientId: "7d0f4f43-3b5a-4c7e-9a43-3f0f5f8c2d11", name: "" }))).toMatchObject({ ok: false, fieldErrors: { name: "Enter a name." } });
  });
});

describe("actions called with arguments no page sends", () => {
  it("find the form wherever it is, and answer a call without one as not found", async () => {
    state.actor = who("consultant");
    const body = vi.fn(async (input: { name: string }) => ok(input.name));
    const act = action("clients.create", schema, body) as unknown as (...args: unknown[]) => Promise<unknown>;
    // (form) alone, as a plain <form action> would send it, and (null, form).
    await expect(act(form({ name: "a", size: "1" }))).resolves.toMatchObject({ ok: true, n: 1, data: "a" });
    await expect(act(null, form({ name: "b", size: "1" }))).resolves.toMatchObject({ ok: true, n: 1, data: "b" });
    await expect(act({ n: "x" }, form({ name: "c", size: "1" }))).resolves.toMatchObject({ ok: true, n: 1 });
    for (const args of [[], [null], [{}, "not a form"], [1, 2]]) await expect(act(...args)).rejects.toThrow("NEXT_NOT_FOUND");
    const plain = formAction("clients.create", schema, async () => {}) as unknown as (...args: unknown[]) => Promise<void>;
    await expect(plain(null, form({ name: "d", size: "1" }))).resolves.toBeUndefined();
    await expect(plain("x")).rejects.toThrow("NEXT_NOT_FOUND");
  });
});

describe("text the database cannot store", () => {
  it("is a field error in a stateful action and not found in a plain one, before the body runs", async () => {
    state.actor = who("consultant");
    const body = vi.fn(async () => ok());
    const act = action("clients.create", schema, body);
    const res = await act(undefined, form({ name: "Rosa\u0000s", size: "1" }));
    expect(res.ok).toBe(false);
    expect(res.fieldErrors.name).toMatch(/NUL/);
    // (A lone surrogate cannot reach a form: FormData holds well-formed text, as UTF-8 on the wire does.)
    expect(body).not.toHaveBeenCalled();
    const plain = formAction("clients.create", schema, body as never);
    await expect(plain(form({ name: "a\u0000", size: "1" }))).rejects.toThrow("NEXT_NOT_FOUND");
  });
});
