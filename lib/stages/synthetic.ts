// Deterministic synthetic check-in histories (benchmarks, property tests, demo data).
// Clients move through the stages with realistic noise: odd months, real regressions, give-ups.
import type { Stage, StageInput } from "./types";
import type { Attitude, Platform, Tool } from "./vocabulary";
import { dayNumber, isoFromDay } from "./dates";

/** Small, fast, deterministic PRNG (mulberry32). Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORM_SETS: Platform[][] = [["facebook"], ["facebook", "x"], ["facebook", "instagram"], ["facebook", "x", "blog"], ["instagram", "tiktok"], ["linkedin", "blog"], ["facebook", "instagram", "youtube"]];
const NO_TOOLS: Tool[] = [];
const TOOL_SETS4: Tool[][] = [NO_TOOLS, ["scheduling"], NO_TOOLS];
const TOOL_SETS5: Tool[][] = [["analytics"], ["scheduling", "analytics"], ["scheduling", "analytics", "monitoring"], ["monitoring"], ["analytics", "influence"], ["analytics", "crm"]];
const START = dayNumber("2015-01-01");

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** Observations typical of behaviour stage `b`. */
function observe(rng: () => number, b: Stage, date: string, platforms: Platform[] | null, since: string | null): StageInput {
  const base: StageInput = {
    date, accounts: platforms ?? [], accountsSince: platforms ? since : null, postsLast30d: 0, rhythm: "none", automatedShare: 0,
    replies: "none", promotion: "none", results: "none", tools: NO_TOOLS, mentionResponseHours: null, advocacy: "none",
    attitude: rng() < 0.2 ? null : "dismissive", followers: null,
  };
  if (b === 1 || platforms === null) return base;
  const followers = Math.floor(rng() * 200 * b * b);
  if (b <= 3) {
    const attitude: Attitude | null = rng() < 0.2 ? null : b === 2 ? pick(rng, ["hopeful", "hesitant"] as const) : "frustrated";
    return {
      ...base, postsLast30d: 1 + Math.floor(rng() * 5), rhythm: rng() < 0.9 ? "sporadic" : "scheduled",
      automatedShare: Math.round(rng() * 100) / 100, replies: rng() < 0.6 ? "none" : "some", promotion: rng() < 0.7 ? "none" : "light",
      results: rng() < 0.85 ? "none" : "some", attitude, followers,
    };
  }
  const attitude: Attitude | null = rng() < 0.15 ? null : rng() < 0.05 ? "dismissive" : b === 4 ? "comfortable" : b === 5 ? "enthusiastic" : "evangelist";
  return {
    ...base, postsLast30d: 4 + Math.floor(rng() * 20), rhythm: "scheduled", automatedShare: Math.round(rng() * 40) / 100,
    replies: rng() < 0.85 ? "consistent" : "some", promotion: rng() < 0.5 ? "light" : "active",
    results: b >= 5 ? (rng() < 0.8 ? "clear" : "some") : rng() < 0.6 ? "some" : "clear",
    tools: b >= 5 ? pick(rng, TOOL_SETS5) : pick(rng, TOOL_SETS4),
    mentionResponseHours: b >= 5 ? 1 + Math.floor(rng() * 23) : rng() < 0.5 ? null : 2 + Math.floor(rng() * 70),
    advocacy: b === 6 ? (rng() < 0.9 ? "active" : "some") : rng() < 0.1 ? "some" : "none", attitude, followers,
  };
}

/** One client's history of `count` roughly monthly check-ins, oldest first. */
export function syntheticHistory(seed: number, count = 100): StageInput[] {
  const rng = mulberry32(seed);
  const out: StageInput[] = new Array(count);
  let day = START + Math.floor(rng() * 730);
  const r0 = rng();
  let target: Stage = r0 < 0.6 ? 1 : r0 < 0.9 ? 2 : 4;
  let platforms: Platform[] | null = target === 1 ? null : pick(rng, PLATFORM_SETS);
  let since: string | null = target === 4 ? isoFromDay(day - 400 - Math.floor(rng() * 1000)) : target === 2 && rng() < 0.5 ? isoFromDay(day) : null;
  let trialMonths = 0;
  let slump = 0; // months left in a real regression
  const ambition = rng(); // some clients never get far
  for (let i = 0; i < count; i++) {
    // Move the underlying stage.
    const r = rng();
    if (target === 1 && r < 0.08 * (ambition + 0.3)) {
      target = 2;
      platforms ??= pick(rng, PLATFORM_SETS);
      if (since === null && rng() < 0.5) since = isoFromDay(day);
      trialMonths = 0;
    } else if (target === 2 && ++trialMonths > 3) target = 3;
    else if (target === 3 && r < 0.05 * ambition) target = 4;
    else if (target === 3 && r > 0.98) target = 1; // gives up
    else if (target === 4 && r < 0.04 * ambition) target = 5;
    else if (target === 5 && r < 0.03 * ambition) target = 6;
    else if (target >= 4 && r > 0.99) slump = 2 + Math.floor(rng() * 4);

    let b: Stage = target;
    if (slump > 0) {
      slump--;
      b = target >= 4 ? 3 : 1;
    } else if (rng() < 0.05) b = (target > 1 ? target - 1 - Math.floor(rng() * Math.min(2, target - 1)) : 1) as Stage; // odd month
    out[i] = observe(rng, b, isoFromDay(day), b === 1 && target === 1 ? platforms && rng() < 0.5 ? platforms : null : platforms, since);
    day += 28 + Math.floor(rng() * 7);
  }
  return out;
}
