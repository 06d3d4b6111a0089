import Link from "next/link";
import { StageBadge } from "@/components/stage/StageBadge";

export interface AttentionEntry {
  id: string;
  name: string;
  stage: number | null;
  /** A short detail, already worded by the page ("214 days in stage"). */
  detail: string;
}

export interface AttentionGroup {
  key: string;
  title: string;
  entries: AttentionEntry[];
}

/** The clients needing attention, one list per reason; each name links to the client page. */
export function AttentionLists({ groups, emptyText }: { groups: AttentionGroup[]; emptyText: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {groups.map((g) => (
        <section key={g.key} aria-label={g.title} className="rounded border border-slate-100 p-2">
          <h3 className="text-sm font-semibold">
            {g.title} <span className="font-normal text-slate-500">({g.entries.length})</span>
          </h3>
          {g.entries.length === 0 ? (
            <p className="mt-1 text-xs text-slate-500">{emptyText}</p>
          ) : (
            <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto text-sm">
              {g.entries.map((e) => (
                <li key={e.id} className="flex items-center justify-between gap-2">
                  <Link href={`/clients/${e.id}`} className="truncate text-indigo-700 hover:underline">{e.name}</Link>
                  <span className="flex shrink-0 items-center gap-1 text-xs text-slate-500">
                    {e.detail} <StageBadge stage={e.stage} compact />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
