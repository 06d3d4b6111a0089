"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { setUserActive } from "@/db/queries/users";
import { inviteUser, reassignClient, setUserRole } from "@/db/queries/team";
import { requirePermission } from "@/lib/auth/actor";

const activeInput = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]) });

export async function setUserActiveAction(form: FormData): Promise<void> {
  const actor = await requirePermission("team.manage");
  const parsed = activeInput.safeParse({ userId: form.get("userId"), active: form.get("active") });
  if (!parsed.success) notFound();
  const done = await setUserActive(await getDb(), actor, parsed.data.userId, parsed.data.active === "true");
  if (!done) notFound();
  revalidatePath("/team");
}

const roleInput = z.object({ userId: z.uuid(), role: z.enum(["manager", "consultant"]) });

export async function setUserRoleAction(form: FormData): Promise<void> {
  const actor = await requirePermission("team.manage");
  const parsed = roleInput.safeParse({ userId: form.get("userId"), role: form.get("role") });
  if (!parsed.success) notFound();
  const done = await setUserRole(await getDb(), actor, parsed.data.userId, parsed.data.role);
  if (!done) notFound();
  revalidatePath("/team");
}

const reassignInput = z.object({ clientId: z.uuid(), consultantId: z.uuid() });

export async function reassignClientAction(form: FormData): Promise<void> {
  const actor = await requirePermission("team.manage");
  const parsed = reassignInput.safeParse({ clientId: form.get("clientId"), consultantId: form.get("consultantId") });
  if (!parsed.success) notFound();
  const done = await reassignClient(await getDb(), actor, parsed.data.clientId, parsed.data.consultantId);
  if (!done) notFound();
  revalidatePath("/team");
}

export interface InviteState {
  ok?: boolean;
  path?: string;
  email?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "role" | "clientId", string>>;
}

const inviteInput = z
  .object({
    name: z.string().trim().min(1, "Enter the person's name.").max(200, "Keep the name under 200 characters."),
    email: z.email("Enter a valid email address.").max(320),
    role: z.enum(["consultant", "client"], "Choose consultant or client user."),
    clientId: z.string().optional(),
  })
  .refine((v) => v.role !== "client" || !!v.clientId, { path: ["clientId"], message: "Choose the client this user belongs to." });

export async function inviteAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const actor = await requirePermission("team.manage");
  const parsed = inviteInput.safeParse({
    name: form.get("name") ?? "",
    email: String(form.get("email") ?? "").trim(),
    role: form.get("role") ?? "",
    clientId: form.get("clientId") || undefined,
  });
  if (!parsed.success) {
    const fieldErrors: InviteState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as keyof NonNullable<InviteState["fieldErrors"]>] ??= issue.message;
    return { fieldErrors };
  }
  const v = parsed.data;
  const res = await inviteUser(await getDb(), actor, v.role === "client" ? { name: v.name, email: v.email, role: "client", clientId: v.clientId! } : { name: v.name, email: v.email, role: "consultant" });
  if (!res) notFound();
  if (!res.ok) return { fieldErrors: res.error === "email-taken" ? { email: "Someone already uses this email address." } : { clientId: "That client was not found." } };
  revalidatePath("/team");
  return { ok: true, path: res.path, email: v.email };
}
