// The engine's other catalogues (Bengali, the client's own voice) and re-rendering stored history.
import { describe, expect, it } from "vitest";
import { inferStages, type StageInput } from "./index";
import { ATTITUDES, TOOLS, type Tool } from "./vocabulary";
import { inVoice, messagesFor, STAGE_LOCALES, type StageMessages, type Voice } from "./messages";
import { explainForClient, explainHistory, reasonKind } from "./localized";
import { syntheticHistory } from "./synthetic";
import type { Stage } from "./types";

const STAGES: Stage[] = [1, 2, 3, 4, 5, 6];
const VOICES: Voice[] = ["consultant", "client"];

/** Every message of a catalogue, with a spread of parameters. */
function renderAll(m: StageMessages): string[] {
  const r = m.reasons;
  const out: string[] = [];
  for (const s of STAGES) out.push(m.labels[s], m.summaries[s], r.dropped(s), ...STAGES.map((l) => r.held(s, l)));
  for (const n of [0, 1, 2, 5, 32, 63, 64, 1000]) out.push(r.accounts(n));
  for (const d of [0, 6, 7, 13, 29, 30, 45, 61, 400, 729, 730, 2000, 30000]) out.push(r.accountsAge(d, true), r.accountsAge(d, false));
  for (const n of [1, 2, 4, 32, 511, 512, 10000]) for (const level of [0, 1, 2, 3] as const) out.push(r.posts(n, level));
  for (const h of [0, 0.4, 1, 1.6, 3, 24, 999, 1000, 720.5]) out.push(r.fastResponse(h));
  const insight: Tool[][] = [["analytics"], ["analytics", "monitoring"], ["analytics", "monitoring", "influence"]];
  for (const t of insight) out.push(r.insightTools(t));
  for (const a of ATTITUDES) for (const d of [-1, 0, 1] as const) out.push(r.attitude(a, d));
  out.push(r.noAccounts, r.noPosts, r.noSchedule, r.scheduled, r.repliesNone, r.repliesSome, r.repliesConsistent);
  out.push(r.resultsNone, r.resultsSome, r.resultsClear, r.advocacySome, r.advocacyActive, r.automationDropped, r.scheduleAppeared);
  out.push(...Object.values(m.missing));
  return out;
}

describe("catalogues", () => {
  for (const voice of VOICES) {
    it(`bn (${voice}) renders every message, in Bengali digits, and differs from en`, () => {
      const bn = renderAll(messagesFor("bn", voice));
      const en = renderAll(messagesFor("en", voice));
      expect(bn.length).toBe(en.length);
      for (const s of bn) {
        expect(typeof s).toBe("string");
        expect(s.trim()).not.toBe("");
        expect(s).not.toMatch(/[0-9]/); // numbers come from Intl: ৩২, not 32
        expect(s).toMatch(/[\u0980-\u09FF]/);
      }
      bn.forEach((s, i) => expect(s).not.toBe(en[i]));
      expect(messagesFor("bn", voice).reasons.posts(32, 0)).toContain("৩২");
    });
  }

  it("the client's voice speaks to the client", () => {
    const you = messagesFor("en", "client");
    expect(you.reasons.posts(32, 0)).toBe("You post about 32 times a month");
    expect(renderAll(you).filter((s) => /comes across/.test(s))).toEqual([]);
    expect(messagesFor("bn", "client").reasons.posts(32, 0)).toBe("আপনি মাসে প্রায় ৩২ বার পোস্ট করেন");
  });

  it("registers every locale and keeps English as the consultant's default", () => {
    expect(STAGE_LOCALES).toEqual(["en", "bn"]);
    expect(messagesFor()).toBe(messagesFor("en", "consultant"));
    expect(messagesFor("bn").labels[6]).toBe("সোশ্যাল মিডিয়ার প্রচারক");
    expect(TOOLS.length).toBeGreaterThan(0);
  });

  it("inVoice lasts only for its call, even when the call throws", () => {
    expect(inVoice("client", () => messagesFor("en"))).toBe(messagesFor("en", "client"));
    expect(() => inVoice("client", () => { throw new Error("boom"); })).toThrow("boom");
    expect(messagesFor("en")).toBe(messagesFor("en", "consultant"));
  });
});

describe("explainHistory", () => {
  const history = syntheticHistory(7, 60);

  it("in English and the consultant's voice is exactly what the engine stores", () => {
    const stored = inferStages(history);
    const explained = explainHistory(history, "en");
    stored.forEach((e, seq) => {
      expect(explained[e.index]).toEqual({ seq, date: e.date, stage: e.stage, reasons: e.reasons, missing: e.missing });
    });
  });

  it("in Bengali keeps every stage and changes every word", () => {
    const en = explainHistory(history, "en");
    const bn = explainHistory(history, "bn");
    expect(bn.map((e) => [e.seq, e.stage, e.reasons.length, e.missing.length])).toEqual(en.map((e) => [e.seq, e.stage, e.reasons.length, e.missing.length]));
    for (const e of bn) for (const s of [...e.reasons, ...e.missing]) expect(s).toMatch(/[\u0980-\u09FF]/);
  });

  it("answers per check-in in the order given, whatever that order is", () => {
    const reversed = [...history].reverse();
    const a = explainHistory(history, "bn");
    const b = explainHistory(reversed, "bn");
    expect(b).toEqual([...a].reverse());
  });

  it("an empty history explains nothing", () => {
    expect(explainHistory([] as StageInput[], "bn")).toEqual([]);
  });
});

describe("explainForClient", () => {
  it("sorts every reason into strengths, gaps and notes, in the client's voice", () => {
    for (const locale of STAGE_LOCALES) {
      const all = explainForClient(syntheticHistory(11, 40), locale);
      for (const e of all) {
        expect([...e.strengths, ...e.gaps, ...e.notes].sort()).toEqual([...e.reasons].sort());
        for (const s of e.strengths) expect(reasonKind(s, locale, "client")).toBe("strength");
      }
      if (locale === "en") expect(all.flatMap((e) => e.strengths).some((s) => s.startsWith("You "))).toBe(true);
    }
  });
});
