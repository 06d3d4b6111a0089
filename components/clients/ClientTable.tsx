import Link from "next/link";
import type { ClientStatus } from "@/lib/clients/list-types";
import type { ClientListQuery, ClientSort } from "@/lib/clients/list-types";
import { StageBadge } from "@/components/stage/StageBadge";
import { tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { FLAG_LABELS, daysText } from "./labels";
import { listHref } from "./list-params";
import { RowActionForm } from "@/components/ui/RowActionForm";

function SortHeader({ query, sort, label }: { query: ClientListQuery; sort: ClientSort; label: string }) {
  const current = (query.sort ?? "name") === sort;
  const dir = query.dir ?? "asc";
  const nextDir = current && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={thClass} aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={listHref(query, { sort, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-indigo-700">
        {label}
        <span aria-hidden="true" className="text-xs">{current ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{current ? `, sorted ${dir === "asc" ? "ascending" : "descending"}; ` : ", "}sort {nextDir === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export function ClientTable({
  rows,
  query,
  showConsultant,
  archiveAction,
}: {
  rows: ClientStatus[];
  query: ClientListQuery;
  showConsultant: boolean;
  archiveAction: (form: FormData) => Promise<void>;
}) {
  const back = listHref(query);
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <caption className="sr-only">Clients{query.archived ? " (archived)" : ""}, {rows.length} shown</caption>
        <thead>
          <tr>
            <SortHeader query={query} sort="name" label="Client" />
            <SortHeader query={query} sort="stage" label="Stage" />
            <SortHeader query={query} sort="lastCheckIn" label="Last check-in" />
            <SortHeader query={query} sort="daysInStage" label="Time in stage" />
            <SortHeader query={query} sort="flags" label="Flags" />
            {showConsultant ? <SortHeader query={query} sort="consultant" label="Consultant" /> : null}
            <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td className={tdClass}>
                <Link href={`/clients/${c.id}`} className="font-medium text-indigo-700 hover:underline">{c.name}</Link>
                {c.industry ? <div className="text-xs text-slate-500">{c.industry}</div> : null}
              </td>
              <td className={tdClass}>
                <StageBadge stage={c.stage} />
                {c.overrideStage !== null ? <div className="mt-0.5 text-xs text-slate-600">Override: stage {c.overrideStage}</div> : null}
              </td>
              <td className={tdClass}>{c.lastCheckIn ?? <span className="text-slate-500">Never</span>}</td>
              <td className={tdClass}>{daysText(c.daysInStage)}</td>
              <td className={tdClass}>
                {c.flags.length === 0 ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <ul className="flex flex-wrap gap-1" aria-label={`Flags for ${c.name}`}>
                    {c.flags.map((f) => (
                      <li key={f} data-flag={f} className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900 ring-1 ring-amber-200">{FLAG_LABELS[f]}</li>
                    ))}
                  </ul>
                )}
              </td>
              {showConsultant ? <td className={tdClass}>{c.consultantName ?? <span className="text-slate-500">Unassigned</span>}</td> : null}
              <td className={`${tdClass} text-right`}>
                <RowActionForm
                  action={archiveAction}
                  fields={{ clientId: c.id, archived: c.archived ? "false" : "true", back }}
                  label={c.archived ? "Unarchive" : "Archive"}
                  ariaLabel={`${c.archived ? "Unarchive" : "Archive"} ${c.name}`}
                  className="text-xs"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
