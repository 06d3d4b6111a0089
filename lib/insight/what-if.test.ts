import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, ENGINE_FIELDS, inferStages, type StageInput } from "../stages";
import { syntheticHistory } from "../stages/synthetic";
import { decodeEngineLine, ENGINE_LINE_KEYS, WhatIf, WHAT_IF_LIST_MAX, type WhatIfClient } from "./what-if";

/** What the database writes for a check-in (db/queries/rules.ts engineLineSql), in JS. */
function encode(c: StageInput): string {
  return ENGINE_FIELDS.map((d) => {
    const v = c[d.key];
    return Array.isArray(v) ? v.join(",") : v === null || v === undefined ? "" : String(v);
  }).join("|");
}

describe("decodeEngineLine", () => {
  it("reads the fields in ENGINE_FIELDS order", () => {
    expect([...ENGINE_LINE_KEYS]).toEqual(ENGINE_FIELDS.map((d) => d.key));
  });

  it("round-trips every check-in, nulls and empty lists included", () => {
    const lists = new Map<string, string[]>();
    for (let i = 0; i < 30; i++) {
      for (const c of syntheticHistory(i, 30)) {
        const full = { ...c, followers: c.followers ?? null, mentionResponseHours: c.mentionResponseHours ?? null, attitude: c.attitude ?? null };
        expect(decodeEngineLine(encode(full), lists)).toEqual(full);
      }
    }
  });
});

describe("WhatIf", () => {
  const histories = Array.from({ length: 40 }, (_, i) => syntheticHistory(i + 1, 24));
  const tuned = { ...DEFAULT_SETTINGS, trialDays: 30, routineMinPosts: 8, confirmBackCheckIns: 1 };
  const last = (h: StageInput[], s = DEFAULT_SETTINGS) => inferStages(h, { settings: s }).at(-1)!.stage;

  it("counts the clients whose stage would move, from -> to, with the clients behind each count", () => {
    const w = new WhatIf(tuned);
    // Rows in any order: shuffled across clients and within each.
    const rows = histories.flatMap((h, i) => h.map((c) => [`c${i}`, encode(c)] as const)).reverse();
    for (const [id, line] of rows) w.add(id, line);
    const clients: WhatIfClient[] = histories.map((h, i) => ({ clientId: `c${i}`, name: `Client ${i}`, current: last(h), override: i % 3 === 0 ? last(h) : null, self: i % 4 === 0 ? 4 : null }));
    clients.push({ clientId: "empty", name: "No check-ins", current: null, override: null, self: null });
    const r = w.result(clients);

    let changed = 0;
    const moves = new Map<string, string[]>();
    histories.forEach((h, i) => {
      const [a, b] = [last(h), last(h, tuned)];
      if (a === b) return;
      changed++;
      moves.set(`${a}>${b}`, [...(moves.get(`${a}>${b}`) ?? []), `c${i}`]);
    });
    expect(changed).toBeGreaterThan(0);
    expect(r.clients).toBe(40);
    expect(r.changed).toBe(changed);
    expect(new Map(r.moves.map((m) => [`${m.from}>${m.to}`, m.clients.map((c) => c.id).sort()]))).toEqual(new Map([...moves].map(([k, v]) => [k, v.sort()])));
    for (const m of r.moves) expect(m.count).toBe(m.clients.length);
    // Overrides equal to the current stage agree exactly before; after, only the unchanged ones do.
    expect(r.overrides.before.exactShare).toBe(1);
    const withOverride = histories.filter((_, i) => i % 3 === 0);
    expect(r.overrides.after.exact).toBe(withOverride.filter((h) => last(h) === last(h, tuned)).length);
    expect(r.self.before.total).toBe(10);
  });

  it("lists at most WHAT_IF_LIST_MAX clients per move but counts them all", () => {
    const w = new WhatIf({ ...DEFAULT_SETTINGS, trialDays: 365 });
    // Accounts 100 days old, posting without a routine: stage 3 by default, 2 with a year's trial.
    const line = encode({ date: "2025-04-11", accounts: ["facebook"], accountsSince: "2025-01-01", postsLast30d: 3, rhythm: "sporadic", automatedShare: 0.7, replies: "none", promotion: "none", results: "none", tools: [], mentionResponseHours: null, advocacy: "none", attitude: null, followers: null });
    const clients = [];
    for (let i = 0; i < WHAT_IF_LIST_MAX + 5; i++) {
      w.add(`c${i}`, line);
      clients.push({ clientId: `c${i}`, name: `C${String(i).padStart(3, "0")}`, current: 3, override: null, self: null });
    }
    const r = w.result(clients);
    expect(r.moves).toHaveLength(1);
    expect(r.moves[0]).toMatchObject({ from: 3, to: 2, count: WHAT_IF_LIST_MAX + 5 });
    expect(r.moves[0]!.clients).toHaveLength(WHAT_IF_LIST_MAX);
  });
});
