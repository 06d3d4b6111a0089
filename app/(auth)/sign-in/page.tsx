import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/actor";
import { homePath } from "@/lib/auth/permissions";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  const actor = await getActor();
  if (actor) redirect(homePath(actor.role));
  return (
    <main className="mx-auto mt-20 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Stageline</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to see where your clients stand.</p>
      <SignInForm />
    </main>
  );
}
