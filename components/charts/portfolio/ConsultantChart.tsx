"use client";
import { StackedStageBars } from "./StackedStageBars";

export interface ConsultantDatum {
  name: string;
  /** stageMix[stage - 1] */
  stageMix: number[];
  hrefs: string[];
}

export function ConsultantChart({ data, title }: { data: ConsultantDatum[]; title: string }) {
  return <StackedStageBars horizontal title={title} data={data.map((d) => ({ label: d.name, counts: d.stageMix, hrefs: d.hrefs }))} />;
}
