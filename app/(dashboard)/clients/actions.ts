"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { createClient, DuplicateClientError, setClientArchived } from "@/db/queries/clients";
import { action, fail, formAction } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { uuidSchema } from "@/lib/validation/primitives";

// Error messages are codes; components/clients/NewClientForm.tsx turns them into words.
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .transform((s) => (s === "" ? null : s));

const newClientInput = z.object({
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
  industry: optionalText(200),
  notes: optionalText(5000),
  consultantId: z.string().optional(),
});

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export const createClientAction = action(
  "clients.create",
  newClientInput,
  async (input, { actor }) => {
    // A manager chooses the lead consultant; anyone else creates clients of their own.
    if (can(actor, "clients.assign-any-consultant") && !uuidSchema.safeParse(input.consultantId).success) return fail({ consultantId: "required" });
    let created;
    try {
      created = await createClient(await getDb(), actor, { ...input, consultantId: input.consultantId || undefined });
    } catch (err) {
      if (err instanceof DuplicateClientError) return fail({ name: "duplicate" });
      throw err;
    }
    if (!created) return fail({ consultantId: "invalid" });
    revalidatePath("/clients");
    redirect(`/clients/${created.id}`);
  },
  { input: (form) => ({ name: field(form, "name"), industry: field(form, "industry"), notes: field(form, "notes"), consultantId: field(form, "consultantId") }) },
);

const archiveInput = z.object({ clientId: uuidSchema, archived: z.enum(["true", "false"]), back: z.string().optional() });

export const setClientArchivedAction = formAction("clients.archive", archiveInput, async (input, { actor }) => {
  const done = await setClientArchived(await getDb(), actor, input.clientId, input.archived === "true");
  if (!done) notFound();
  revalidatePath("/clients");
  // Only ever back to the client list, with its own filters, saying what was done (the list
  // shows it, with Undo).
  const back = input.back && input.back.startsWith("/clients") && !input.back.startsWith("//") ? input.back : "/clients";
  const url = new URL(back, "http://list.invalid");
  url.searchParams.delete("confirm");
  url.searchParams.set("done", input.archived === "true" ? "archived" : "unarchived");
  url.searchParams.set("client", input.clientId);
  redirect(`${url.pathname === "/clients" ? url.pathname : "/clients"}${url.search}`);
});
