"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { acceptInvitation } from "@/db/queries/team";

export interface AcceptState {
  error?: "invalid" | "used" | "expired" | "password-short" | "password-mismatch";
}

const input = z.object({ token: z.string().min(1).max(200), password: z.string().max(1000), confirm: z.string().max(1000) });

// Public by design: the token is the credential. It is checked (hash, unused, unexpired) inside the query's transaction.
export async function acceptInvitationAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const parsed = input.safeParse({ token: form.get("token"), password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return { error: "invalid" };
  const res = await acceptInvitation(await getDb(), parsed.data.token, parsed.data.password, parsed.data.confirm);
  if (!res.ok) return { error: res.error };
  redirect("/sign-in?invited=1");
}
