import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/auth/permissions";
import { LanguageSwitch } from "../LanguageSwitch";
import { SignInForm } from "./SignInForm";
import { ClientMessages } from "@/components/i18n/ClientMessages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

const NOTICES = ["everywhere", "reset"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ ended?: string | string[]; invited?: string }> }) {
  const { ended, invited } = await searchParams;
  const actor = await getActor();
  if (actor) redirect(homePath(actor.role));
  const t = await getTranslations("auth.signIn");
  const notice = NOTICES.find((n) => n === ended);
  return (
    <main id="main" className="mx-auto mt-10 max-w-sm px-4 sm:mt-20">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-700 dark:bg-slate-900">
        <h1 className="text-2xl font-semibold">Stageline</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600 dark:text-slate-300">{t("tagline")}</p>
        {notice ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100">{t(`ended.${notice}`)}</p> : null}
        {!notice && invited === "1" ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100">{t("invited")}</p> : null}
        <ClientMessages namespaces={["auth.signIn"]}>
          <SignInForm />
        </ClientMessages>
      </div>
      <LanguageSwitch back="/sign-in" />
    </main>
  );
}
