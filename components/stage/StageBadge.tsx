import { STAGE_LABELS, type Stage } from "@/lib/stages";
import { STAGE_COLORS } from "./colors";

export function StageBadge({ stage, compact = false }: { stage: number | null; compact?: boolean }) {
  if (stage === null || stage < 1 || stage > 6) {
    return <span className="inline-flex rounded-full bg-white px-2 py-0.5 text-xs text-slate-500 ring-1 ring-slate-200">No stage yet</span>;
  }
  const label = STAGE_LABELS[stage as Stage];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STAGE_COLORS[stage].badge}`}
      title={`Stage ${stage}: ${label}`}
      data-stage={stage}
    >
      <span>Stage {stage}</span>
      {compact ? null : <span className="font-normal">· {label}</span>}
    </span>
  );
}
