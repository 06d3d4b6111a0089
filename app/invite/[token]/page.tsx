import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { findInvitation } from "@/db/queries/team";
import { LanguageSwitch } from "@/app/(auth)/LanguageSwitch";
import { AcceptForm } from "./AcceptForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.link"))("welcome"), referrer: "no-referrer" };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.link");
  const inv = await findInvitation(await getDb(), token);
  return (
    <main id="main" className="mx-auto mt-10 max-w-sm px-4 sm:mt-16">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">{inv?.purpose === "reset" ? t("resetTitle") : t("welcome")}</h1>
        {!inv ? (
          <p className="mt-3 text-sm">{t("invalid")}</p>
        ) : inv.state === "used" ? (
          <p className="mt-3 text-sm">
            {t("used")} <IntentLink href="/sign-in" className="text-indigo-700 underline dark:text-indigo-300">{t("usedSignIn")}</IntentLink>
          </p>
        ) : inv.state === "expired" ? (
          <p className="mt-3 text-sm">{t("expired")}</p>
        ) : inv.state === "revoked" ? (
          <p className="mt-3 text-sm">{t("revoked")}</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t(inv.purpose === "reset" ? "chooseReset" : "choose", { name: inv.name, email: inv.email })}</p>
            <div className="mt-4"><ClientMessages namespaces={["auth.link"]}>
                <AcceptForm token={token} />
              </ClientMessages></div>
          </>
        )}
      </div>
      <LanguageSwitch back={`/invite/${token}`} />
    </main>
  );
}
