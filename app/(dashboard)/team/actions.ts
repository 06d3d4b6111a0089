"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { setUserActive } from "@/db/queries/users";
import { requirePermission } from "@/lib/auth/actor";

const input = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]) });

export async function setUserActiveAction(form: FormData): Promise<void> {
  const actor = await requirePermission("team.manage");
  const parsed = input.safeParse({ userId: form.get("userId"), active: form.get("active") });
  if (!parsed.success) notFound();
  const done = await setUserActive(await getDb(), actor, parsed.data.userId, parsed.data.active === "true");
  if (!done) notFound();
  revalidatePath("/team");
}
