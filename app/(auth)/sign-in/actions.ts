"use server";

import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  if (!email.trim() || !password) return { error: "Enter your email and password.", email };
  try {
    await signIn("credentials", { email, password, redirectTo: "/" });
    return {};
  } catch (err) {
    // One message for an unknown email and a wrong password: no hint which one was wrong.
    if (err instanceof AuthError) return { error: "Wrong email or password.", email };
    throw err; // the redirect after a successful sign-in
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
