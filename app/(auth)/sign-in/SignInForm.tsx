"use client";

import { useActionState } from "react";
import { initialActionState } from "@/lib/auth/action-state";
import { signInAction, type SignInState } from "./actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, initialActionState());
  const error = state.formError ?? Object.values(state.fieldErrors)[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.values?.email}
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-indigo-600" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-indigo-600" />
      </div>
      {error ? <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      <button type="submit" disabled={pending}
        className="w-full rounded bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
