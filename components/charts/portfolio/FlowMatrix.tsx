// Transition matrix: rows are the stage left, columns the stage reached. Forward moves are
// green, backward red, deeper colour for more moves; every non-empty cell links to its clients.
export interface FlowCell {
  from: number;
  to: number;
  count: number;
  direction: "forward" | "backward";
  href: string;
}

const STAGES = [1, 2, 3, 4, 5, 6];

function cellStyle(cell: FlowCell | undefined, max: number): React.CSSProperties {
  if (!cell) return {};
  const alpha = 0.15 + 0.75 * (cell.count / Math.max(1, max));
  return { background: cell.direction === "forward" ? `rgba(5,150,105,${alpha})` : `rgba(220,38,38,${alpha})`, color: alpha > 0.55 ? "white" : "#0f172a" };
}

export function FlowMatrix({ cells, title, fromLabel, toLabel, forwardLabel, backwardLabel }: { cells: FlowCell[]; title: string; fromLabel: string; toLabel: string; forwardLabel: string; backwardLabel: string }) {
  const max = Math.max(0, ...cells.map((c) => c.count));
  const at = (f: number, t: number) => cells.find((c) => c.from === f && c.to === t);
  return (
    <div className="overflow-x-auto">
      <table aria-label={title} className="w-full border-collapse text-center text-sm">
        <thead>
          <tr>
            <th className="p-1 text-left text-xs font-medium text-slate-500">{fromLabel} ↓ / {toLabel} →</th>
            {STAGES.map((s) => (
              <th key={s} scope="col" className="p-1 text-xs font-medium text-slate-600">{s}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STAGES.map((f) => (
            <tr key={f}>
              <th scope="row" className="p-1 text-left text-xs font-medium text-slate-600">{f}</th>
              {STAGES.map((t) => {
                const cell = at(f, t);
                return (
                  <td key={t} className={`border border-slate-100 p-0 ${f === t ? "bg-slate-50" : ""}`} style={cellStyle(cell, max)}>
                    {cell ? (
                      <a href={cell.href} className="block p-1.5 font-medium hover:underline" aria-label={`${f} → ${t}: ${cell.count} ${cell.direction === "forward" ? forwardLabel : backwardLabel}`}>
                        {cell.count}
                      </a>
                    ) : (
                      <span className="block p-1.5 text-slate-300">·</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex gap-4 text-xs text-slate-600">
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm align-middle" style={{ background: "rgba(5,150,105,0.7)" }} />{forwardLabel}</span>
        <span><span className="mr-1 inline-block h-3 w-3 rounded-sm align-middle" style={{ background: "rgba(220,38,38,0.7)" }} />{backwardLabel}</span>
      </p>
    </div>
  );
}
