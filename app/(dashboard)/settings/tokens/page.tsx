import type { Metadata } from "next";
import Link from "next/link";
import { listTokens } from "@/db/queries/tokens";
import { forActor, requireActor } from "@/lib/auth/actor";
import { Card, PageHeader, buttonClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { TokenForm } from "./TokenForm";
import { revokeTokenAction } from "./actions";
import { isoDay } from "@/lib/validation/primitives";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? isoDay(d) : "—");

export default async function TokensPage() {
  const actor = await requireActor();
  const tokens = await forActor(actor, (db) => listTokens(db, actor));
  // A server component renders once per request: "now" is the request's time, not a render side effect.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  return (
    <section>
      <PageHeader
        title="API tokens"
        subtitle={<>Personal access tokens let scripts and tools use the <Link href="/api-docs" className="text-indigo-700 underline">Stageline API</Link> as you, seeing exactly what you see.</>}
      />
      <Card title="New token">
        <TokenForm />
      </Card>
      <Card title="Your tokens" className="mt-4">
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">You have no tokens yet.</p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Name</th>
                <th className={thClass}>Starts with</th>
                <th className={thClass}>Created</th>
                <th className={thClass}>Expires</th>
                <th className={thClass}>Last used</th>
                <th className={thClass}>Status</th>
                <th className={thClass}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => {
                const status = t.revokedAt ? "Revoked" : t.expiresAt && t.expiresAt.getTime() <= now ? "Expired" : "Active";
                return (
                  <tr key={t.id}>
                    <td className={tdClass}>{t.name}</td>
                    <td className={tdClass}><code className="font-mono text-xs">{t.prefix}…</code></td>
                    <td className={tdClass}>{day(t.createdAt)}</td>
                    <td className={tdClass}>{day(t.expiresAt)}</td>
                    <td className={tdClass}>{day(t.lastUsedAt)}</td>
                    <td className={tdClass}>{status}</td>
                    <td className={tdClass}>
                      {status === "Active" ? (
                        <form action={revokeTokenAction}>
                          <input type="hidden" name="id" value={t.id} />
                          <button type="submit" className={buttonClass("danger")} aria-label={`Revoke ${t.name}`}>Revoke</button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </section>
  );
}
