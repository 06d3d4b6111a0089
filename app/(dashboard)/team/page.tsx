import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listTeam } from "@/db/queries/users";
import { lockedAccounts, accountKey } from "@/db/queries/sign-in-throttle";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { Card, PageHeader, ScrollRegion, mutedClass, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { InviteForm } from "@/components/team/InviteForm";
import { LinkButton } from "@/components/team/LinkButton";
import { RoleForm } from "@/components/team/RoleForm";
import { ReassignForm } from "@/components/team/ReassignForm";
import { inviteAction, issueLinkAction, reassignClientAction, revokeLinkAction, setUserActiveAction, setUserRoleAction, unlockSignInAction } from "./actions";
import { formatInstantDay } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team"))("title") };
}

export default async function TeamPage() {
  const actor = await requirePermission("team.manage");
  const [t, format] = await Promise.all([getTranslations("team"), getFormatter()]);
  const [team, locked] = await forActor(actor, (db) => Promise.all([listTeam(db, actor), lockedAccounts(db, actor)]));
  const members = team ?? [];
  const consultants = members.filter((u) => u.role === "consultant" && u.active);
  return (
    <section className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card title={t("invite.title")}>
        <InviteForm action={inviteAction} />
      </Card>
      <Card title={t("people.title")}>
        <ScrollRegion label={t("people.region")}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>{t("people.name")}</th>
                <th className={thClass}>{t("people.email")}</th>
                <th className={thClass}>{t("people.role")}</th>
                <th className={thClass}>{t("people.status")}</th>
                <th className={thClass}><span className="sr-only">{t("people.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((u) => {
                const isLocked = locked.has(accountKey(u.email));
                const self = u.id === actor.id;
                return (
                  <tr key={u.id}>
                    <td className={tdClass}>{u.name}</td>
                    <td className={`${tdClass} break-all`}>{u.email}</td>
                    <td className={tdClass}>
                      {u.role === "client" || self ? (
                        <span>{t(`roles.${u.role}`)}{u.clientName ? ` · ${u.clientName}` : ""}</span>
                      ) : (
                        <RoleForm action={setUserRoleAction} userId={u.id} email={u.email} role={u.role} />
                      )}
                    </td>
                    <td className={tdClass}>
                      {!u.active ? t("status.deactivated") : u.pending ? t("status.invited") : t("status.active")}
                      {u.active && u.openLinkExpiresAt ? (
                        <span className={`block text-xs ${mutedClass}`}>{t("status.linkOpen", { date: formatInstantDay(format, u.openLinkExpiresAt) })}</span>
                      ) : null}
                      {isLocked ? <span className="ml-1 font-medium text-red-800 dark:text-red-300">· {t("status.locked")}</span> : null}
                    </td>
                    <td className={tdClass}>
                      <div className="flex flex-wrap justify-end gap-2">
                        {isLocked ? (
                          <ConfirmButton
                            action={unlockSignInAction}
                            fields={{ userId: u.id }}
                            confirm={false}
                            label={t("actions.unlock")}
                            ariaLabel={t("actions.unlockAria", { email: u.email })}
                            done={t("actions.unlocked", { email: u.email })}
                          />
                        ) : null}
                        {!self && u.active ? (
                          <LinkButton
                            action={issueLinkAction}
                            userId={u.id}
                            label={u.pending ? t("actions.newInvite") : t("actions.reset")}
                            ariaLabel={u.pending ? t("actions.newInviteAria", { email: u.email }) : t("actions.resetAria", { email: u.email })}
                          />
                        ) : null}
                        {!self && u.openLinkExpiresAt ? (
                          <ConfirmButton
                            action={revokeLinkAction}
                            fields={{ userId: u.id }}
                            label={t("actions.revokeLink")}
                            ariaLabel={t("actions.revokeLinkAria", { email: u.email })}
                            warning={t("actions.revokeLinkWarning", { email: u.email })}
                            done={t("actions.linkRevoked", { email: u.email })}
                          />
                        ) : null}
                        {self ? null : u.active ? (
                          <ConfirmButton
                            key="deactivate"
                            action={setUserActiveAction}
                            fields={{ userId: u.id, active: "false" }}
                            label={t("actions.deactivate")}
                            ariaLabel={t("actions.deactivateAria", { email: u.email })}
                            warning={t("actions.deactivateWarning", { email: u.email })}
                            done={t("actions.deactivated", { email: u.email })}
                          />
                        ) : (
                          <ConfirmButton
                            key="reactivate"
                            action={setUserActiveAction}
                            fields={{ userId: u.id, active: "true" }}
                            confirm={false}
                            label={t("actions.reactivate")}
                            ariaLabel={t("actions.reactivateAria", { email: u.email })}
                            done={t("actions.reactivated", { email: u.email })}
                          />
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>
      <Card title={t("reassign.title")}>
        <p className={`mb-2 text-sm ${mutedClass}`}>{t("reassign.hint")}</p>
        <ReassignForm action={reassignClientAction} consultants={consultants.map((c) => ({ id: c.id, name: c.name }))} />
      </Card>
    </section>
  );
}
