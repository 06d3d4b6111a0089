"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/auth/action";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

// Public: the signed-out pages' language switch. A signed-in user's own setting wins over it.
export const setLanguageAction = formAction(null, z.object({ locale: z.enum(LOCALES), back: z.string().max(300).optional() }), async ({ locale, back }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
  // Back to the page the switch was on: only a path of this site.
  redirect(back && /^\/(?![/\\])/.test(back) ? back : "/sign-in");
});
