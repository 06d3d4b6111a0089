import type { Metadata } from "next";
import { listTeam } from "@/db/queries/users";
import { listAssignments } from "@/db/queries/team";
import { lockedAccounts, accountKey } from "@/db/queries/sign-in-throttle";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { buttonClass, Card, inputClass, PageHeader, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { InviteForm } from "@/components/team/InviteForm";
import { inviteAction, issueLinkAction, reassignClientAction, revokeLinkAction, setUserActiveAction, setUserRoleAction, unlockSignInAction } from "./actions";
import { LinkButton } from "@/components/team/LinkButton";
import { RowActionForm } from "@/components/ui/RowActionForm";
import { isoDay } from "@/lib/validation/primitives";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await requirePermission("team.manage");
  const [team, clientRows, locked] = await forActor(actor, (db) => Promise.all([listTeam(db, actor), listAssignments(db, actor), lockedAccounts(db, actor)]));
  const members = team ?? [];
  const consultants = members.filter((u) => u.role === "consultant" && u.active);
  const nameOf = new Map(members.map((u) => [u.id, u.name]));
  return (
    <section className="space-y-4">
      <PageHeader title="Team" subtitle="Invite people, change roles, deactivate accounts and move clients between consultants." />
      <Card title="Invite">
        <InviteForm action={inviteAction} clients={(clientRows ?? []).map((c) => ({ id: c.clientId, name: c.clientName }))} />
      </Card>
      <Card title="People">
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Name</th>
                <th className={thClass}>Email</th>
                <th className={thClass}>Role</th>
                <th className={thClass}>Status</th>
                <th className={thClass}><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((u) => (
                <tr key={u.id}>
                  <td className={tdClass}>{u.name}</td>
                  <td className={tdClass}>{u.email}</td>
                  <td className={tdClass}>
                    {u.role === "client" || u.id === actor.id ? (
                      <span>{u.role}{u.clientName ? ` · ${u.clientName}` : ""}</span>
                    ) : (
                      <form action={setUserRoleAction} className="flex gap-1">
                        <input type="hidden" name="userId" value={u.id} />
                        <select name="role" defaultValue={u.role} aria-label={`Role of ${u.email}`} className="rounded border border-slate-300 px-1 py-0.5">
                          <option value="consultant">consultant</option>
                          <option value="manager">manager</option>
                        </select>
                        <button type="submit" className={buttonClass("secondary", "px-2 py-0.5")} aria-label={`Change role of ${u.email}`}>Change</button>
                      </form>
                    )}
                  </td>
                  <td className={tdClass}>
                    {!u.active ? "deactivated" : u.pending ? "invited" : "active"}
                    {u.active && u.openLinkExpiresAt ? <span className="block text-xs text-slate-600">link open until {isoDay(u.openLinkExpiresAt)}</span> : null}
                    {locked.has(accountKey(u.email)) ? <span className="ml-1 font-medium text-red-800">· sign-in locked</span> : null}
                  </td>
                  <td className={`${tdClass} text-right`}>
                    <div className="flex justify-end gap-2">
                    {locked.has(accountKey(u.email)) ? (
                      <RowActionForm action={unlockSignInAction} fields={{ userId: u.id }} label="Unlock sign-in" ariaLabel={`Unlock sign-in for ${u.email}`} />
                    ) : null}
                    {u.id !== actor.id && u.active ? (
                      <LinkButton
                        action={issueLinkAction}
                        userId={u.id}
                        label={u.pending ? "New invitation link" : "Password reset link"}
                        ariaLabel={`${u.pending ? "New invitation link" : "Password reset link"} for ${u.email}`}
                      />
                    ) : null}
                    {u.id !== actor.id && u.openLinkExpiresAt ? (
                      <RowActionForm action={revokeLinkAction} fields={{ userId: u.id }} label="Revoke link" ariaLabel={`Revoke link for ${u.email}`} />
                    ) : null}
                    {u.id === actor.id ? null : (
                      <RowActionForm
                        action={setUserActiveAction}
                        fields={{ userId: u.id, active: u.active ? "false" : "true" }}
                        label={u.active ? "Deactivate" : "Reactivate"}
                        ariaLabel={`${u.active ? "Deactivate" : "Reactivate"} ${u.email}`}
                      />
                    )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Reassign a client">
        <p className="mb-2 text-sm text-slate-600">The client&apos;s stage history stays as it is; the change is recorded in the audit log.</p>
        <form action={reassignClientAction} aria-label="Reassign a client" className="grid gap-3 sm:grid-cols-3 sm:items-end">
          <label className="text-sm">
            Client
            <select name="clientId" required className={inputClass}>
              {(clientRows ?? []).map((c) => (
                <option key={c.clientId} value={c.clientId}>{c.clientName} ({c.consultantId ? nameOf.get(c.consultantId) ?? "?" : "unassigned"})</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            New lead consultant
            <select name="consultantId" required className={inputClass}>
              {consultants.map((c) => (
                <option key={c.id} value={c.id}>{c.name}</option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("primary")}>Reassign</button>
        </form>
      </Card>
    </section>
  );
}
