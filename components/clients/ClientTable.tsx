import { IntentLink } from "@/components/ui/IntentLink";
import { RowLink } from "@/components/ui/RowLink";
import { useFormatter, useTranslations } from "next-intl";
import type { ClientStatus } from "@/lib/clients/list-types";
import type { ClientListQuery, ClientSort } from "@/lib/clients/list-types";
import { formatDay } from "@/lib/i18n/format";
import { StageBadge } from "@/components/stage/StageBadge";
import { ScrollRegion, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { useDurationText, useFlagLabels } from "./labels";
import { listHref } from "./list-params";
import { ConfirmSubmit } from "./ConfirmSubmit";
import { RowActionForm } from "@/components/ui/RowActionForm";

// Component classes in app/globals.css: every row repeats them, twice (card and table row).
const link = "sl-name-link";
const muted = "sl-muted";

function SortHeader({ query, sort, label }: { query: ClientListQuery; sort: ClientSort; label: string }) {
  const t = useTranslations("clients.table");
  const current = (query.sort ?? "name") === sort;
  const dir = query.dir ?? "asc";
  const nextDir = current && dir === "asc" ? "desc" : "asc";
  const state = current ? `, ${t(dir === "asc" ? "sortedAscending" : "sortedDescending")}; ` : ", ";
  return (
    <th scope="col" className={thClass} aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <IntentLink href={listHref(query, { sort, dir: nextDir })} className="inline-flex items-center gap-1 hover:text-indigo-700 dark:hover:text-indigo-300">
        {label}
        <span aria-hidden="true" className="text-xs">{current ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{state}{t(nextDir === "asc" ? "sortAscending" : "sortDescending")}</span>
      </IntentLink>
    </th>
  );
}

/** The pieces of one client's row, shared by the table (wide screens) and the cards (phones). */
function useCells(query: ClientListQuery, archiveAction: (form: FormData) => Promise<void>, confirmId: string | undefined) {
  const t = useTranslations("clients");
  const format = useFormatter();
  const flagLabels = useFlagLabels();
  const duration = useDurationText();
  const back = listHref(query);
  const isNew = (c: ClientStatus) => c.checkInCount === 0 && !c.flags.includes("no-recent-checkin");
  return {
    name: (c: ClientStatus) => (
      <>
        <RowLink href={`/clients/${c.id}`} className={link}>{c.name}</RowLink>
        {c.industry ? <div className={`text-xs ${muted}`}>{c.industry}</div> : null}
      </>
    ),
    stage: (c: ClientStatus) => (
      <>
        <StageBadge stage={c.stage} />
        {c.overrideStage !== null ? <div className={`mt-0.5 text-xs ${muted}`}>{t("table.override", { stage: c.overrideStage })}</div> : null}
      </>
    ),
    lastCheckIn: (c: ClientStatus) =>
      c.lastCheckIn ? <time dateTime={c.lastCheckIn}>{formatDay(format, c.lastCheckIn)}</time> : <span className={muted}>{t("table.never")}</span>,
    duration: (c: ClientStatus) => duration(c.daysInStage),
    flags: (c: ClientStatus) =>
      isNew(c) ? (
        <span data-status="new" title={t("table.newClientHint")} className="sl-flag-new">
          {t("table.newClient")}
        </span>
      ) : c.flags.length === 0 ? (
        <span className={muted}>—</span>
      ) : (
        <ul className="flex flex-wrap gap-1" aria-label={t("table.flagsFor", { name: c.name })}>
          {c.flags.map((f) => (
            <li key={f} data-flag={f} className="sl-flag">{flagLabels[f]}</li>
          ))}
        </ul>
      ),
    consultant: (c: ClientStatus) => c.consultantName ?? <span className={muted}>{t("table.unassigned")}</span>,
    action: (c: ClientStatus) =>
      c.archived ? (
        // Bringing a client back is safe: one click.
        <RowActionForm
          action={archiveAction}
          fields={{ clientId: c.id, archived: "false", back }}
          label={t("archive.unarchive")}
          ariaLabel={t("archive.unarchiveLabel", { name: c.name })}
          className="text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
        />
      ) : (
        <ConfirmSubmit
          action={archiveAction}
          fields={{ clientId: c.id, archived: "true", back }}
          label={t("archive.archive")}
          ariaLabel={t("archive.archiveLabel", { name: c.name })}
          confirmLabel={t("archive.confirm")}
          confirmAriaLabel={t("archive.confirmLabel", { name: c.name })}
          cancelLabel={t("archive.cancel")}
          askHref={`${back}${back.includes("?") ? "&" : "?"}confirm=${c.id}`}
          cancelHref={back}
          asking={confirmId === c.id}
          className="text-xs"
        />
      ),
  };
}

export function ClientTable({
  rows,
  query,
  showConsultant,
  archiveAction,
  confirmId,
}: {
  rows: ClientStatus[];
  query: ClientListQuery;
  showConsultant: boolean;
  archiveAction: (form: FormData) => Promise<void>;
  /** The client whose archive button asks for confirmation (from the URL, for the no-JavaScript path). */
  confirmId?: string;
}) {
  const t = useTranslations("clients");
  const cell = useCells(query, archiveAction, confirmId);
  const caption = t(query.archived ? "table.captionArchived" : "table.caption", { count: rows.length });
  // Each row's pieces are built once and placed in both layouts: half the translation and formatting work.
  const built = rows.map((c) => ({
    c,
    name: cell.name(c),
    stage: cell.stage(c),
    lastCheckIn: cell.lastCheckIn(c),
    duration: cell.duration(c),
    flags: cell.flags(c),
    consultant: showConsultant ? cell.consultant(c) : null,
    action: cell.action(c),
  }));
  return (
    <>
      {/* Phones: one card per client. */}
      <ul className="space-y-3 sm:hidden" aria-label={caption}>
        {built.map((r) => (
          <li key={r.c.id} className="sl-card">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0 break-words">{r.name}</div>
              <div className="shrink-0">{r.action}</div>
            </div>
            <div className="mt-2">{r.stage}</div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className={muted}>{t("table.lastCheckIn")}</dt>
              <dd>{r.lastCheckIn}</dd>
              <dt className={muted}>{t("table.timeInStage")}</dt>
              <dd>{r.duration}</dd>
              {showConsultant ? (
                <>
                  <dt className={muted}>{t("table.consultant")}</dt>
                  <dd>{r.consultant}</dd>
                </>
              ) : null}
            </dl>
            <div className="mt-2">{r.flags}</div>
          </li>
        ))}
      </ul>
      {/* Wider screens: the sortable table, scrolling inside its own region if it must. */}
      <ScrollRegion label={t("table.region")} className="hidden sm:block">
        <table className={`${tableClass} dark:bg-slate-900`}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <SortHeader query={query} sort="name" label={t("table.client")} />
              <SortHeader query={query} sort="stage" label={t("table.stage")} />
              <SortHeader query={query} sort="lastCheckIn" label={t("table.lastCheckIn")} />
              <SortHeader query={query} sort="daysInStage" label={t("table.timeInStage")} />
              <SortHeader query={query} sort="flags" label={t("table.flags")} />
              {showConsultant ? <SortHeader query={query} sort="consultant" label={t("table.consultant")} /> : null}
              <th scope="col" className={thClass}><span className="sr-only">{t("table.actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {built.map((r) => (
              <tr key={r.c.id}>
                <td className={tdClass}>{r.name}</td>
                <td className={tdClass}>{r.stage}</td>
                <td className={`${tdClass} whitespace-nowrap`}>{r.lastCheckIn}</td>
                <td className={tdClass}>{r.duration}</td>
                <td className={tdClass}>{r.flags}</td>
                {showConsultant ? <td className={tdClass}>{r.consultant}</td> : null}
                <td className={`${tdClass} text-right`}>{r.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
