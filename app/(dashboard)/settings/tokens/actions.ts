"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { action, formAction, ok } from "@/lib/auth/action";
import type { ActionState } from "@/lib/auth/action-state";
import { newTokenSchema } from "@/lib/api/schemas";
import { uuidSchema } from "@/lib/validation/primitives";

export type CreateTokenState = ActionState<{ token: string; name: string }>;

/** Any signed-in user may hold tokens: they act with the owner's own role and visibility. */
export const createTokenAction = action(
  "tokens.manage",
  newTokenSchema, // the same schema the API uses
  async (input, { actor }) => {
    const { token, info } = await createToken(await getDb(), actor, input);
    revalidatePath("/settings/tokens");
    return ok({ token, name: info.name });
  },
  {
    input: (form) => ({ name: String(form.get("name") ?? ""), expiresInDays: Number(form.get("expiresInDays") ?? "") }),
    // Codes the form words (tokens.form.errors in the messages).
    messages: { name: "name", expiresInDays: "expiresInDays", form: "name" },
  },
);

export const revokeTokenAction = formAction("tokens.manage", z.object({ id: uuidSchema }), async ({ id }, { actor }) => {
  await revokeToken(await getDb(), actor, id);
  revalidatePath("/settings/tokens");
});
