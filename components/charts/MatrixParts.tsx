// The pieces the stage matrices share (the portfolio's flows, the agreement matrices): an empty
// cell that reads as zero to a screen reader, and the colour key under the table.

/** A cell with nothing in it: a dot on screen, the formatted zero for a screen reader. */
export function EmptyMatrixCell({ zero }: { zero: string }) {
  return (
    <span className="block p-1.5 text-slate-600 dark:text-slate-400">
      <span aria-hidden="true">·</span>
      <span className="sr-only">{zero}</span>
    </span>
  );
}

/** The key under a matrix: one coloured swatch (its classes) and label per entry. */
export function SwatchLegend({ items }: { items: { swatch: string; label: string }[] }) {
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300">
      {items.map((item) => (
        <span key={item.label} className="inline-flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${item.swatch}`} />
          {item.label}
        </span>
      ))}
    </p>
  );
}
