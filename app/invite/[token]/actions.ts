"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/api/rate-limit";
import { minutesUntil } from "@/lib/auth/credentials";
import { z } from "zod";
import { getDb } from "@/db";
import { acceptInvitation } from "@/db/queries/team";
import { action, fail } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";

/** Codes, turned into words by the form: fieldErrors.password / .confirm, or formError. */
export type AcceptErrorCode = "invalid" | "used" | "expired" | "revoked" | "locked" | "password-short" | "password-mismatch";
export type AcceptState = ActionState;

const input = z.object({
  token: z.string("invalid").min(1, "invalid").max(200, "invalid"),
  password: z.string().max(1000, "invalid"),
  confirm: z.string().max(1000, "invalid"),
  timeZone: z.string().max(64).optional(),
});

// Public by design: the token is the credential. It is checked (hash, unused, unexpired) inside the query's transaction.
export const acceptInvitationAction = action(
  null,
  input,
  async ({ token, password, confirm, timeZone }) => {
    const res = await acceptInvitation(await getDb(), token, password, confirm, clientIp(await headers()), new Date(), timeZone);
    if (!res.ok) {
      if (res.error === "locked") return fail({}, `locked:${minutesUntil(res.until)}`);
      if (res.error === "password-short") return fail({ password: res.error });
      if (res.error === "password-mismatch") return fail({ confirm: res.error });
      return fail({}, res.error);
    }
    redirect(res.purpose === "reset" ? "/sign-in?ended=reset" : "/sign-in?invited=1");
  },
  { input: (form) => ({ token: form.get("token"), password: form.get("password") ?? "", confirm: form.get("confirm") ?? "", timeZone: form.get("timeZone") ?? undefined }) },
);
