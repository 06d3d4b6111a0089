import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/auth/permissions";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  everywhere: "You have been signed out on every browser and device.",
  reset: "Your password has been changed and every session signed out. Sign in with the new password.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ ended?: string | string[] }> }) {
  const { ended } = await searchParams;
  const notice = typeof ended === "string" ? NOTICES[ended] : undefined;
  const actor = await getActor();
  if (actor) redirect(homePath(actor.role));
  return (
    <main className="mx-auto mt-20 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Stageline</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to see where your clients stand.</p>
      {notice ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">{notice}</p> : null}
      <SignInForm />
    </main>
  );
}
