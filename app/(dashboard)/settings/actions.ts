"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { changePassword, signOutEverywhere } from "@/db/queries/sessions";
import { setFirmTimeZone, updatePreferences } from "@/db/queries/preferences";
import { currentSessionId } from "@/lib/auth/actor";
import { action, fail, formAction, ok } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";

export type PasswordState = ActionState<{ endedSessions: number }>;

/** Codes the form turns into words. */
export type PasswordErrorCode = "wrong-current" | "password-short" | "password-mismatch" | "password-same";

const passwordInput = z.object({
  current: z.string().min(1, "wrong-current").max(1000, "wrong-current"),
  password: z.string().max(1000, "password-short"),
  confirm: z.string().max(1000, "password-mismatch"),
});

/** Your own password, with the current one: every other session of yours ends, this one stays. */
export const changePasswordAction = action(
  "account.manage",
  passwordInput,
  async (input, { actor }) => {
    const sessionId = (await currentSessionId()) ?? "";
    const res = await changePassword(await getDb(), actor, { ...input, sessionId });
    if (!res) return fail({}, "wrong-current");
    if (!res.ok) return fail({ [res.field]: res.error });
    return ok({ endedSessions: res.endedSessions });
  },
  { input: (form) => ({ current: form.get("current") ?? "", password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" }) },
);

/** Ends every session of yours, this one included, and lands on the sign-in page. */
export const signOutEverywhereAction = formAction("account.manage", z.object({}), async (_input, { actor }) => {
  await signOutEverywhere(await getDb(), actor);
  redirect("/sign-in?ended=everywhere");
});

const preferencesInput = z.object({ locale: z.string().max(10), timeZone: z.string().max(64) });

/** Language and time zone, applied from the next request. Errors are codes the form words. */
export const updatePreferencesAction = action("account.manage", preferencesInput, async (input, { actor }) => {
  const res = await updatePreferences(await getDb(), actor, input);
  if (!res) return fail({}, "badLocale");
  if (!res.ok) return fail({ [res.field]: res.field === "locale" ? "badLocale" : "badTimeZone" });
  revalidatePath("/", "layout");
  return ok();
});

/** A manager's choice of the firm's default zone. */
export const setFirmTimeZoneAction = action(
  "team.manage",
  z.object({ timeZone: z.string().max(64) }),
  async ({ timeZone }, { actor }) => {
    const res = await setFirmTimeZone(await getDb(), actor, timeZone);
    if (!res) return fail({ timeZone: "badTimeZone" });
    revalidatePath("/", "layout");
    return ok();
  },
  // Named apart from the user's own `timeZone` select on the same page.
  { input: (form) => ({ timeZone: form.get("firmTimeZone") ?? "" }) },
);
