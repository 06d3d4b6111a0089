// What a firm's candidate stage rules would change: each active client's current stage under the
// applied rules (stored) against the stage the engine gives with the candidate rules, and how
// agreement with overrides and self-assessments would move. Pure: the caller streams check-ins.
import { latestStage, type StageInput, type StageSettings } from "../stages";
import { summarizeAgreement, type AgreementPair, type AgreementSummary } from "./agreement";

export interface WhatIfClient {
  clientId: string;
  name: string;
  /** The stored current stage (applied rules); null without check-ins. */
  current: number | null;
  override: number | null;
  self: number | null;
}

export interface WhatIfMove {
  from: number;
  to: number;
  count: number;
  /** The clients behind the count, by name, at most WHAT_IF_LIST_MAX of them. */
  clients: { id: string; name: string }[];
}

export interface WhatIfResult {
  /** Active clients with a stage. */
  clients: number;
  changed: number;
  /** Stage changes, most common first. */
  moves: WhatIfMove[];
  overrides: { before: AgreementSummary; after: AgreementSummary };
  self: { before: AgreementSummary; after: AgreementSummary };
}

export const WHAT_IF_LIST_MAX = 200;

/**
 * One check-in as a line of text: the engine's fields (ENGINE_FIELDS, in order) joined by "|",
 * lists joined by ",", null as empty. The database writes it (db/queries/rules.ts engineLineSql):
 * decoding one text column is several times faster than the driver decoding fifteen typed ones,
 * and the what-if reads every check-in of the firm. No value of these fields contains "|" or ",".
 */
export function decodeEngineLine(line: string, lists: Map<string, string[]>): StageInput {
  const f = line.split("|");
  // One object literal in ENGINE_FIELDS order (what-if.test.ts checks the order): every
  // decoded check-in has the same shape, which keeps the engine on its fast path.
  return {
    date: f[0]!,
    accounts: list(f[1]!, lists) as StageInput["accounts"],
    accountsSince: f[2] || null,
    postsLast30d: Number(f[3]),
    rhythm: f[4] as StageInput["rhythm"],
    automatedShare: Number(f[5]),
    replies: f[6] as StageInput["replies"],
    promotion: f[7] as StageInput["promotion"],
    results: f[8] as StageInput["results"],
    tools: list(f[9]!, lists) as StageInput["tools"],
    mentionResponseHours: f[10] ? Number(f[10]) : null,
    advocacy: f[11] as StageInput["advocacy"],
    attitude: (f[12] || null) as StageInput["attitude"],
    followers: f[13] ? Number(f[13]) : null,
  };
}

/** The keys decodeEngineLine reads, in line order: must be ENGINE_FIELDS' (tested). */
export const ENGINE_LINE_KEYS = ["date", "accounts", "accountsSince", "postsLast30d", "rhythm", "automatedShare", "replies", "promotion", "results", "tools", "mentionResponseHours", "advocacy", "attitude", "followers"] as const;

/** Lists are only read by the engine, so equal ones can share one array. */
function list(v: string, lists: Map<string, string[]>): string[] {
  let l = lists.get(v);
  if (l === undefined) lists.set(v, (l = v === "" ? [] : v.split(",")));
  return l;
}

/**
 * Collects the firm's check-ins (any order: the engine orders each client's by date, and
 * same-date ones by content, so the result is the stored history's) and compares.
 */
export class WhatIf {
  private readonly lines = new Map<string, string[]>();

  constructor(private readonly settings: StageSettings) {}

  /** One check-in of a client, as decodeEngineLine reads it. */
  add(clientId: string, line: string): void {
    const l = this.lines.get(clientId);
    if (l === undefined) this.lines.set(clientId, [line]);
    else l.push(line);
  }

  /** The stage as of the client's latest check-in under the candidate settings; null without check-ins. */
  private predict(clientId: string, lists: Map<string, string[]>): number | null {
    const lines = this.lines.get(clientId);
    if (!lines || lines.length === 0) return null;
    const rows = lines.map((l) => decodeEngineLine(l, lists));
    // Date order first, so the engine takes its fast path unless two share a date.
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return latestStage(rows, this.settings);
  }

  /** The comparison for these clients (the firm's active ones), with their stored stages. */
  result(clients: Iterable<WhatIfClient>): WhatIfResult {
    const lists = new Map<string, string[]>();
    const moves = new Map<number, WhatIfMove>();
    const before: { overrides: AgreementPair[]; self: AgreementPair[] } = { overrides: [], self: [] };
    const after: { overrides: AgreementPair[]; self: AgreementPair[] } = { overrides: [], self: [] };
    let total = 0;
    let changed = 0;
    for (const c of clients) {
      if (c.current === null) continue;
      const next = this.predict(c.clientId, lists);
      if (next === null) continue;
      total++;
      if (next !== c.current) {
        changed++;
        const key = c.current * 8 + next;
        let m = moves.get(key);
        if (!m) moves.set(key, (m = { from: c.current, to: next, count: 0, clients: [] }));
        m.count++;
        if (m.clients.length < WHAT_IF_LIST_MAX) m.clients.push({ id: c.clientId, name: c.name });
      }
      if (c.override !== null) {
        before.overrides.push({ inferred: c.current, other: c.override });
        after.overrides.push({ inferred: next, other: c.override });
      }
      if (c.self !== null) {
        before.self.push({ inferred: c.current, other: c.self });
        after.self.push({ inferred: next, other: c.self });
      }
    }
    const sorted = [...moves.values()].sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
    for (const m of sorted) m.clients.sort((a, b) => a.name.localeCompare(b.name));
    return {
      clients: total,
      changed,
      moves: sorted,
      overrides: { before: summarizeAgreement(before.overrides), after: summarizeAgreement(after.overrides) },
      self: { before: summarizeAgreement(before.self), after: summarizeAgreement(after.self) },
    };
  }
}
