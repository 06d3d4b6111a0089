import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { findInvitation } from "@/db/queries/team";
import { AcceptForm } from "./AcceptForm";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const inv = await findInvitation(await getDb(), token);
  return (
    <main className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{inv?.purpose === "reset" ? "Choose a new password" : "Welcome to Stageline"}</h1>
      {!inv ? (
        <p className="mt-3 text-sm">This invitation link is not valid.</p>
      ) : inv.state === "used" ? (
        <p className="mt-3 text-sm">This invitation has already been used. <Link href="/sign-in" className="text-indigo-700 underline">Sign in</Link></p>
      ) : inv.state === "expired" ? (
        <p className="mt-3 text-sm">This link has expired. Ask your manager for a new one.</p>
      ) : inv.state === "revoked" ? (
        <p className="mt-3 text-sm">This link has been withdrawn. Ask your manager for a new one.</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">
            {inv.purpose === "reset" ? `${inv.name}, choose a new password for ${inv.email}. Every session of yours will be signed out.` : `${inv.name}, choose a password for ${inv.email}.`}
          </p>
          <div className="mt-4"><AcceptForm token={token} /></div>
        </>
      )}
    </main>
  );
}
