"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { headers } from "next/headers";
import { getDb } from "@/db";
import { accountKey, throttleStatus } from "@/db/queries/sign-in-throttle";
import { signIn, signOut } from "@/lib/auth/config";
import { minutesUntil } from "@/lib/auth/credentials";
import { clientIp } from "@/lib/api/rate-limit";
import { action, fail, formAction, ok } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";

export type SignInState = ActionState;

// Codes, worded by the form in the user's language (messages auth.signIn).
const ENTER = "enter";
const input = z.object({ email: z.string(ENTER).trim().min(1, ENTER), password: z.string(ENTER).min(1, ENTER), timeZone: z.string().max(64).optional() });

// Public: there is no actor before signing in.
export const signInAction = action(null, input, async ({ email, password, timeZone }) => {
  const ip = clientIp(await headers());
  const locked = async () => {
    const status = await throttleStatus(await getDb(), accountKey(email), ip);
    const minutes = status.locked ? minutesUntil(status.until) : 15;
    return fail({}, `locked:${minutes}`);
  };
  try {
    await signIn("credentials", { email, password, timeZone: timeZone ?? "", redirectTo: "/" });
    return ok();
  } catch (err) {
    if (err instanceof AuthError && (err as { code?: string }).code === "locked") return locked();
    // One message for an unknown email and a wrong password: no hint which one was wrong.
    if (err instanceof AuthError) return fail({}, "wrong");
    throw err; // the redirect after a successful sign-in
  }
});

// Public too: signing out without a session just lands on the sign-in page.
export const signOutAction = formAction(null, z.object({}), async () => {
  await signOut({ redirectTo: "/sign-in" });
});
