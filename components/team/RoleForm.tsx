"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/primitives";

/** A staff member's role (consultant or manager), changed in place, confirmed with a toast. */
export function RoleForm({ action, userId, email, role }: { action: (form: FormData) => Promise<void>; userId: string; email: string; role: "consultant" | "manager" }) {
  const t = useTranslations("team");
  const tState = useTranslations("states.confirm");
  const [chosen, setChosen] = useState(role);
  async function submit(form: FormData) {
    try {
      await action(form);
      toast.success(t("role.changed", { email, role: t(`roles.${chosen}`) }));
    } catch (err) {
      unstable_rethrow(err);
      toast.error(tState("failed"));
    }
  }
  return (
    <form action={submit} className="flex gap-1">
      <input type="hidden" name="userId" value={userId} />
      <select
        name="role"
        value={chosen}
        onChange={(e) => setChosen(e.target.value as "consultant" | "manager")}
        aria-label={t("role.label", { email })}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <option value="consultant">{t("roles.consultant")}</option>
        <option value="manager">{t("roles.manager")}</option>
      </select>
      <button type="submit" disabled={chosen === role} className={buttonClass("secondary", "px-2 py-0.5")} aria-label={t("role.changeAria", { email })}>
        {t("role.change")}
      </button>
    </form>
  );
}
