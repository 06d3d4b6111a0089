"use client";
import { StackedStageBars } from "./StackedStageBars";
import { useChartWords } from "../words";

export interface ConsultantDatum {
  name: string;
  /** stageMix[stage - 1] */
  stageMix: number[];
  hrefs: string[];
}

export function ConsultantChart({ data, title }: { data: ConsultantDatum[]; title: string }) {
  const w = useChartWords();
  return <StackedStageBars horizontal title={title} categoryLabel={w.t("col.consultant")} data={data.map((d) => ({ label: d.name, counts: d.stageMix, hrefs: d.hrefs }))} />;
}
