// The stage timeline's data, shared by its server part (figure, legend, table) and its drawing.

export interface TimelinePoint {
  date: string; // YYYY-MM-DD
  stage: number; // 1-6
  kind: "inferred" | "override";
  /** Top reasons for an inference, or the override's reason. */
  reasons: string[];
  /** Withdrawn overrides are drawn hollow. */
  withdrawn?: boolean;
}

export interface StageTimelineText {
  title: string;
  inferred: string;
  override: string;
  withdrawn: string;
  /** "Stage 3: It's not working", by stage number (plain data: this crosses to the browser). */
  stageLabels: Record<number, string>;
  date: string;
  stage: string;
  kind: string;
  why: string;
}

export interface TimelineRow {
  t: number;
  date: string;
  inferred: number | null;
  override: number | null;
  point: TimelinePoint;
}

const dayMs = (d: string) => Date.parse(d + "T00:00:00Z");

/** One row per point, oldest first; `inferred` or `override` holds the stage, the other null. */
export function timelineRows(points: readonly TimelinePoint[]): TimelineRow[] {
  return points
    .map((p) => ({ t: dayMs(p.date), date: p.date, inferred: p.kind === "inferred" ? p.stage : null, override: p.kind === "override" ? p.stage : null, point: p }))
    .sort((a, b) => a.t - b.t);
}

/** The latest inferred point, if any. */
export function latestInferred(points: readonly TimelinePoint[]): TimelinePoint | undefined {
  return [...points].filter((p) => p.kind === "inferred").sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
}

export function kindOf(p: TimelinePoint, text: StageTimelineText): string {
  return p.kind === "override" ? (p.withdrawn ? text.withdrawn : text.override) : text.inferred;
}
