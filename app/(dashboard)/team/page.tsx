import type { Metadata } from "next";
import { getDb } from "@/db";
import { listTeam } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/actor";
import { setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await requirePermission("team.manage");
  const team = (await listTeam(await getDb(), actor)) ?? [];
  return (
    <section>
      <h1 className="text-2xl font-semibold">Team</h1>
      <table className="mt-4 w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th className="p-2 font-medium">Name</th>
            <th className="p-2 font-medium">Email</th>
            <th className="p-2 font-medium">Role</th>
            <th className="p-2 font-medium">Status</th>
            <th className="p-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {team.map((u) => (
            <tr key={u.id} className="border-b border-slate-100">
              <td className="p-2">{u.name}</td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">{u.role}</td>
              <td className="p-2">{u.active ? "active" : "deactivated"}</td>
              <td className="p-2 text-right">
                {u.id === actor.id ? null : (
                  <form action={setUserActiveAction}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                    <button type="submit" className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.email}`}>
                      {u.active ? "Deactivate" : "Reactivate"}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
