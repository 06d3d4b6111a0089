import type { Metadata } from "next";
import Link from "next/link";
import { listClientPage } from "@/db/queries/client-status";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { ClientFilters } from "@/components/clients/ClientFilters";
import { ClientTable } from "@/components/clients/ClientTable";
import { pageParam, parseListParams, type RawParams } from "@/components/clients/list-params";
import { Pager } from "@/components/clients/Pager";
import { EmptyState, PageHeader, buttonClass } from "@/components/ui/primitives";
import { setClientArchivedAction } from "./actions";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requirePermission("clients.list");
  const raw = await searchParams;
  const query = parseListParams(raw);
  const result = await forActor(actor, (db) => listClientPage(db, actor, query, pageParam(raw)));
  const { rows, total } = result;
  const filtered = !!(query.q || query.stage !== undefined || query.flag || query.archived);
  const anyAtAll = filtered ? true : total > 0;
  return (
    <section>
      <PageHeader
        title={can(actor, "clients.list-all") ? "All clients" : "Your clients"}
        subtitle={query.archived ? "Archived clients" : undefined}
        actions={
          <>
            <Link href="/clients/new" className={buttonClass("primary")}>New client</Link>
            <Link href="/import" className={buttonClass("secondary")}>Import check-ins</Link>
            <a href="/export?format=csv" className={buttonClass("secondary")}>Export CSV</a>
            <a href="/export?format=json" className={buttonClass("secondary")}>Export JSON</a>
          </>
        }
      />
      {!anyAtAll ? (
        <EmptyState title="No clients yet" action={{ href: "/clients/new", label: "Create a client" }}>
          Create your first client, or <Link href="/import" className="text-indigo-700 underline">import check-ins from a spreadsheet</Link> (new client names become clients).
          {" "}Archived clients are under <Link href="/clients?archived=1" className="text-indigo-700 underline">Archived</Link>.
        </EmptyState>
      ) : (
        <>
          <ClientFilters query={query} />
          <p className="mb-2 text-sm text-slate-600" aria-live="polite">
            {total} {total === 1 ? "client" : "clients"}
            {result.pageCount > 1 ? `, showing ${(result.page - 1) * result.pageSize + 1}–${(result.page - 1) * result.pageSize + rows.length}` : ""}
          </p>
          {rows.length === 0 ? (
            <EmptyState title={query.archived && !query.q && query.stage === undefined && !query.flag ? "No archived clients" : "No clients match these filters"} action={{ href: "/clients", label: "Show all clients" }}>
              Change the search or the filters, or clear them.
            </EmptyState>
          ) : (
            <ClientTable rows={rows} query={query} showConsultant={can(actor, "clients.list-all")} archiveAction={setClientArchivedAction} />
          )}
          <Pager query={query} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </section>
  );
}
