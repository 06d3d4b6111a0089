"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { action, fail, ok } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";

export type SignInState = ActionState;

const ENTER = "Enter your email and password.";
const input = z.object({ email: z.string(ENTER).trim().min(1, ENTER), password: z.string(ENTER).min(1, ENTER) });

// Public: there is no actor before signing in.
export const signInAction = action(null, input, async ({ email, password }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
    return ok();
  } catch (err) {
    // One message for an unknown email and a wrong password: no hint which one was wrong.
    if (err instanceof AuthError) return fail({}, "Wrong email or password.");
    throw err; // the redirect after a successful sign-in
  }
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
