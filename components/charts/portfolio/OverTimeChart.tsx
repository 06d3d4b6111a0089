"use client";
import { StackedStageBars } from "./StackedStageBars";
import { useChartWords } from "../words";

export interface OverTimeDatum {
  /** YYYY-MM */
  month: string;
  /** counts[stage - 1] */
  counts: number[];
  /** hrefs[stage - 1]: the clients in that stage at the end of the month */
  hrefs: string[];
}

export function OverTimeChart({ data, title }: { data: OverTimeDatum[]; title: string }) {
  const w = useChartWords();
  return <StackedStageBars title={title} categoryLabel={w.t("col.month")} data={data.map((d) => ({ label: w.month(d.month), counts: d.counts, hrefs: d.hrefs }))} />;
}
