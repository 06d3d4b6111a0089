"use client";
import { StackedStageBars } from "./StackedStageBars";

export interface OverTimeDatum {
  month: string;
  /** counts[stage - 1] */
  counts: number[];
  /** hrefs[stage - 1]: the clients in that stage at the end of the month */
  hrefs: string[];
}

export function OverTimeChart({ data, title }: { data: OverTimeDatum[]; title: string }) {
  return <StackedStageBars title={title} data={data.map((d) => ({ label: d.month, counts: d.counts, hrefs: d.hrefs }))} />;
}
