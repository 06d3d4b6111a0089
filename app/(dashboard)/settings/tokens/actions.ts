"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { requireActor } from "@/lib/auth/actor";
import { newTokenSchema } from "@/lib/api/schemas";

export type CreateTokenState =
  | { status: "idle" }
  | { status: "created"; token: string; name: string }
  | { status: "invalid"; errors: Partial<Record<"name" | "expiresInDays", string>> };

const formSchema = z.object({ name: z.string(), expiresInDays: z.coerce.number() });

/** Any signed-in user may hold tokens: they act with the owner's own role and visibility. */
export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const actor = await requireActor();
  const raw = formSchema.safeParse({ name: form.get("name") ?? "", expiresInDays: form.get("expiresInDays") ?? "" });
  const parsed = raw.success ? newTokenSchema.safeParse(raw.data) : null;
  if (!parsed || !parsed.success) {
    const errors: Partial<Record<"name" | "expiresInDays", string>> = {};
    for (const issue of parsed?.error.issues ?? raw.error?.issues ?? []) {
      const key = issue.path[0] === "expiresInDays" ? "expiresInDays" : "name";
      errors[key] ??= key === "name" ? "Give the token a name of 1-100 characters." : "Choose between 1 and 365 days.";
    }
    return { status: "invalid", errors };
  }
  const { token, info } = await createToken(await getDb(), actor, parsed.data);
  revalidatePath("/settings/tokens");
  return { status: "created", token, name: info.name };
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const actor = await requireActor();
  const id = z.string().uuid().safeParse(form.get("id"));
  if (id.success) await revokeToken(await getDb(), actor, id.data);
  revalidatePath("/settings/tokens");
}
