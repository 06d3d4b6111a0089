import { StageBadge } from "@/components/stage/StageBadge";
import { linkClass, mutedClass } from "@/components/ui/primitives";

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
  /** The count as the page formats it (Bengali digits in Bengali). */
  count: string;
  entries: AttentionEntry[];
  /** When the list is longer than the entries shown: where all of them are. */
  more?: { href: string; label: string };
}

/** The clients needing attention, one list per reason; each name links to the client page. */
export function AttentionLists({ groups, emptyText }: { groups: AttentionGroup[]; emptyText: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {groups.map((g) => (
        <section key={g.key} aria-label={g.title} className="min-w-0 rounded border border-slate-200 p-2 dark:border-slate-700">
          <h3 className="text-sm font-semibold">
            {g.title} <span className={`font-normal ${mutedClass}`}>({g.count})</span>
          </h3>
          {g.entries.length === 0 ? (
            <p className={`mt-1 text-xs ${mutedClass}`}>{emptyText}</p>
          ) : (
            <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto text-sm">
              {g.entries.map((e) => (
                <li key={e.id} className="sl-row">
                  {/* A plain link: sixty of these would each hydrate and prefetch their client's page. */}
                  <a href={`/clients/${e.id}`} className={`min-w-0 truncate ${linkClass}`}>{e.name}</a>
                  <span className="sl-row-meta">
                    {e.detail} <StageBadge stage={e.stage} compact />
                  </span>
                </li>
              ))}
            </ul>
          )}
          {g.more ? (
            <p className="mt-1 text-xs">
              <a className={linkClass} href={g.more.href}>{g.more.label}</a>
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
