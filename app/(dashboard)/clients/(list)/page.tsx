import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getTranslations } from "next-intl/server";
import { listClientPage } from "@/db/queries/client-status";
import { getClient } from "@/db/queries/clients";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { todayFor } from "@/lib/time/zone";
import { UUID_RE } from "@/lib/validation/primitives";
import { ClientFilters } from "@/components/clients/ClientFilters";
import { ClientTable } from "@/components/clients/ClientTable";
import { FocusedStatus } from "@/components/clients/FocusedStatus";
import { pageParam, parseListParams, listHref, type RawParams } from "@/components/clients/list-params";
import { Pager } from "@/components/clients/Pager";
import { RowActionForm } from "@/components/ui/RowActionForm";
import { EmptyState, PageHeader, buttonClass } from "@/components/ui/primitives";
import { setClientArchivedAction } from "../actions";
import { oneParam as one } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("metaTitle") };
}

const inlineLink = "text-indigo-700 underline dark:text-indigo-300";

export default async function ClientsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requirePermission("clients.list");
  const t = await getTranslations("clients");
  const raw = await searchParams;
  const query = { ...parseListParams(raw), today: todayFor(actor) };
  // What the archive action just did (?done=archived&client=id), said once at the top, with Undo.
  const done = one(raw.done) === "archived" || one(raw.done) === "unarchived" ? (one(raw.done) as "archived" | "unarchived") : null;
  const doneId = done && UUID_RE.test(one(raw.client)) ? one(raw.client) : null;
  const confirmId = UUID_RE.test(one(raw.confirm)) ? one(raw.confirm) : undefined;
  const { result, doneClient } = await forActor(actor, async (db) => ({
    result: await listClientPage(db, actor, query, pageParam(raw)),
    doneClient: doneId ? await getClient(db, actor, doneId) : null,
  }));
  const { rows, total } = result;
  const filtered = !!(query.q || query.stage !== undefined || query.flag || query.archived);
  const anyAtAll = filtered ? true : total > 0;
  const from = (result.page - 1) * result.pageSize + 1;
  return (
    <section>
      <PageHeader
        title={can(actor, "clients.list-all") ? t("allTitle") : t("yourTitle")}
        subtitle={query.archived ? t("archivedSubtitle") : undefined}
        actions={
          <>
            <IntentLink href="/clients/new" className={buttonClass("primary")}>{t("newClient")}</IntentLink>
            <IntentLink href="/import" className={buttonClass("secondary")}>{t("importCheckIns")}</IntentLink>
            <a href="/export?format=csv" className={buttonClass("secondary")}>{t("exportCsv")}</a>
            <a href="/export?format=json" className={buttonClass("secondary")}>{t("exportJson")}</a>
          </>
        }
      />
      {done && doneClient ? (
        <FocusedStatus testId="flash" className="flex flex-wrap items-center gap-3">
          <span>{t(done === "archived" ? "archive.done" : "archive.undone", { name: doneClient.name })}</span>
          {done === "archived" && doneClient.archived ? (
            <RowActionForm
              action={setClientArchivedAction}
              fields={{ clientId: doneClient.id, archived: "false", back: listHref(query) }}
              label={t("archive.undo")}
              ariaLabel={t("archive.undo")}
              className="bg-white text-sm text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
            />
          ) : null}
        </FocusedStatus>
      ) : null}
      {!anyAtAll ? (
        <EmptyState title={t("empty.title")} action={{ href: "/clients/new", label: t("empty.action") }}>
          {t.rich("empty.body", {
            import: (chunks) => <IntentLink href="/import" className={inlineLink}>{chunks}</IntentLink>,
            archived: (chunks) => <IntentLink href="/clients?archived=1" className={inlineLink}>{chunks}</IntentLink>,
          })}
        </EmptyState>
      ) : (
        <>
          <ClientFilters query={query} />
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
            {t("count", { total })}
            {result.pageCount > 1 ? t("showing", { from, to: from + rows.length - 1 }) : ""}
          </p>
          {rows.length === 0 ? (
            <EmptyState title={query.archived && !query.q && query.stage === undefined && !query.flag ? t("noMatch.archivedTitle") : t("noMatch.title")} action={{ href: "/clients", label: t("noMatch.action") }}>
              {t("noMatch.body")}
            </EmptyState>
          ) : (
            <ClientTable rows={rows} query={query} showConsultant={can(actor, "clients.list-all")} archiveAction={setClientArchivedAction} confirmId={confirmId} />
          )}
          <Pager page={result.page} pageCount={result.pageCount} href={(n) => listHref(query, {}, n)} />
        </>
      )}
    </section>
  );
}
