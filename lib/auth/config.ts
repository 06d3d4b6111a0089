import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../../db";
import { clientIp } from "../api/rate-limit";
import { authSecret } from "../env";
import { SESSION_ABSOLUTE_MS } from "./session-policy";
import { safeRedirect } from "./safe-redirect";
import { checkCredentials } from "./credentials";
import { endSession, startSession } from "../../db/queries/sessions";
import { adoptBrowserTimeZone } from "../../db/queries/preferences";
import { asIdentity } from "../../db/tenant";

/** Auth.js's answer when the account is locked from this address (the form says until when). */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
    sessionId?: string;
  }
  interface User {
    sessionVersion?: number;
    firmId?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    /** The user_sessions row this cookie belongs to. */
    sid?: string;
  }
}

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000), timeZone: z.string().max(64).optional() });

// The session (a signed JWT) carries the user id, the session version and its session row;
// role and firm are read from the database on every request (lib/auth/actor.ts), and the row
// decides whether the session still holds (db/queries/sessions.ts). The cookie lives as long
// as the absolute limit; the idle limit is checked against the row.
function config(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, timeZone: {} },
        async authorize(raw, request) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await checkCredentials(await getDb(), parsed.data.email, parsed.data.password, clientIp(request));
          if (result.ok) {
            // A new user's time zone starts as their browser's (kept only while they have none).
            const db = await getDb();
            await asIdentity(db, (tx) => adoptBrowserTimeZone(tx, result.userId, parsed.data.timeZone));
            return { id: result.userId, sessionVersion: result.sessionVersion, firmId: result.firmId };
          }
          if (result.reason === "locked") throw new SignInLocked();
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id && user.firmId) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
          token.sid = await startSession(await getDb(), { id: user.id, firmId: user.firmId });
        }
        return token;
      },
      // Only paths on this site and URLs of this origin; anything else (`callbackUrl=abc`,
      // another host) lands on the home page instead of failing or leaving the site.
      redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub, sessionVersion: token.sv, sessionId: token.sid } as typeof session;
      },
    },
    // Both ways out (the app's button and Auth.js's own /api/auth/signout) end the session row,
    // so a copy of the cookie taken before signing out no longer works anywhere.
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (sid) await endSession(await getDb(), sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
