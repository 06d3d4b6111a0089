"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { setUserActive } from "@/db/queries/users";
import { clearSignInLock } from "@/db/queries/sign-in-throttle";
import { inviteUser, issueLink, reassignClient, revokeLinks, setUserRole } from "@/db/queries/team";
import { clientNamed } from "@/db/queries/clients";
import { action, fail, formAction, ok } from "@/lib/auth/action";
import { uuidSchema } from "@/lib/validation/primitives";

const activeInput = z.object({ userId: uuidSchema, active: z.enum(["true", "false"]) });

export const setUserActiveAction = formAction("team.manage", activeInput, async (input, { actor }) => {
  const done = await setUserActive(await getDb(), actor, input.userId, input.active === "true");
  if (!done) notFound();
  revalidatePath("/team");
});

const unlockInput = z.object({ userId: uuidSchema });

/** Lifts a sign-in lock (too many failed passwords) on a user of the manager's firm. */
export const unlockSignInAction = formAction("team.manage", unlockInput, async ({ userId }, { actor }) => {
  if (!(await clearSignInLock(await getDb(), actor, userId))) notFound();
  revalidatePath("/team");
});

const roleInput = z.object({ userId: uuidSchema, role: z.enum(["manager", "consultant"]) });

export const setUserRoleAction = formAction("team.manage", roleInput, async (input, { actor }) => {
  const done = await setUserRole(await getDb(), actor, input.userId, input.role);
  if (!done) notFound();
  revalidatePath("/team");
});

/** A client's name as a form sends it (names are unique within a firm). */
const clientName = z.string().trim().min(1).max(200);

const reassignInput = z.object({ clientName, consultantId: uuidSchema });

/** Errors are codes the form words (team.reassign.errors in the messages). */
export const reassignClientAction = action(
  "team.manage",
  reassignInput,
  async (input, { actor }) => {
    const db = await getDb();
    const client = await clientNamed(db, actor, input.clientName);
    if (!client) return fail({ clientName: "notFound" });
    const done = await reassignClient(db, actor, client.id, input.consultantId);
    if (!done) return fail({}, "failed");
    revalidatePath("/team");
    return ok();
  },
  { messages: { clientName: "client", consultantId: "consultant" } },
);

const inviteInput = z
  .object({
    name: z.string().trim().min(1, "nameRequired").max(200, "nameTooLong"),
    email: z.string().trim().pipe(z.email("badEmail").max(320, "badEmail")),
    role: z.enum(["consultant", "client"], "badRole"),
    clientName: z.string().trim().max(200, "clientMissing").optional().transform((v) => v || undefined),
  })
  .refine((v) => v.role !== "client" || !!v.clientName, { path: ["clientName"], message: "clientRequired" });

/** Errors are codes the form words (team.invite.errors in the messages). */
export const inviteAction = action("team.manage", inviteInput, async (v, { actor }) => {
  const db = await getDb();
  let clientId: string | undefined;
  if (v.role === "client") {
    clientId = (await clientNamed(db, actor, v.clientName!))?.id;
    if (!clientId) return fail({ clientName: "clientMissing" });
  }
  const res = await inviteUser(db, actor, clientId ? { name: v.name, email: v.email, role: "client", clientId } : { name: v.name, email: v.email, role: "consultant" });
  if (!res) notFound();
  if (!res.ok) return fail(res.error === "email-taken" ? { email: "emailTaken" } : { clientName: "clientMissing" });
  revalidatePath("/team");
  return ok({ path: res.path, email: v.email });
});

const userInput = z.object({ userId: uuidSchema });

/** A fresh invitation (no password yet) or password reset link; earlier links of the user stop working. */
export const issueLinkAction = action("team.manage", userInput, async ({ userId }, { actor }) => {
  const res = await issueLink(await getDb(), actor, userId);
  if (!res) notFound();
  if (!res.ok) return fail({}, "linkDeactivated");
  revalidatePath("/team");
  return ok({ path: res.path, purpose: res.purpose, expiresAt: res.expiresAt.toISOString() });
}, { notFoundOn: ["userId"] });

/** Voids a user's open invitation or reset link. */
export const revokeLinkAction = formAction("team.manage", userInput, async ({ userId }, { actor }) => {
  if ((await revokeLinks(await getDb(), actor, userId)) === null) notFound();
  revalidatePath("/team");
});
