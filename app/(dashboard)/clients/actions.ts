"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createClient, DuplicateClientError, setClientArchived } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";
import type { NewClientErrorCode, NewClientFormState } from "@/components/clients/new-client-state";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .transform((s) => (s === "" ? null : s));

const newClientInput = z.object({
  name: z.string().trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
  industry: optionalText(200),
  notes: optionalText(5000),
  consultantId: z.string().optional(),
});

export async function createClientAction(_prev: NewClientFormState, form: FormData): Promise<NewClientFormState> {
  const actor = await requirePermission("clients.create");
  const values = {
    name: String(form.get("name") ?? ""),
    industry: String(form.get("industry") ?? ""),
    notes: String(form.get("notes") ?? ""),
    consultantId: String(form.get("consultantId") ?? ""),
  };
  const parsed = newClientInput.safeParse(values);
  const errors: NewClientFormState["errors"] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof NewClientFormState["errors"];
      errors[field] ??= (issue.message === "required" ? "required" : "tooLong") as NewClientErrorCode;
    }
  }
  if (actor.role === "manager" && !z.uuid().safeParse(values.consultantId).success) errors.consultantId = "required";
  if (!parsed.success || Object.keys(errors).length > 0) return { errors, values };

  let created;
  try {
    created = await createClient(await getDb(), actor, { ...parsed.data, consultantId: parsed.data.consultantId || undefined });
  } catch (err) {
    if (err instanceof DuplicateClientError) return { errors: { name: "duplicate" }, values };
    throw err;
  }
  if (!created) return { errors: { consultantId: "invalid" }, values };
  revalidatePath("/clients");
  redirect(`/clients/${created.id}`);
}

const archiveInput = z.object({ clientId: z.uuid(), archived: z.enum(["true", "false"]), back: z.string().optional() });

export async function setClientArchivedAction(form: FormData): Promise<void> {
  const actor = await requirePermission("clients.archive");
  const parsed = archiveInput.safeParse({ clientId: form.get("clientId"), archived: form.get("archived"), back: form.get("back") ?? undefined });
  if (!parsed.success) notFound();
  const done = await setClientArchived(await getDb(), actor, parsed.data.clientId, parsed.data.archived === "true");
  if (!done) notFound();
  revalidatePath("/clients");
  // Only ever back to the client list, with its own filters.
  const back = parsed.data.back && parsed.data.back.startsWith("/clients") && !parsed.data.back.startsWith("//") ? parsed.data.back : "/clients";
  redirect(back);
}
