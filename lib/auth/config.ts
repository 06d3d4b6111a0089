import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../../db";
import { clientIp } from "../api/rate-limit";
import { authSecret } from "../env";
import { checkCredentials } from "./credentials";

/** Auth.js's answer when the account is locked from this address (the form says until when). */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

declare module "next-auth" {
  interface Session {
    userId?: string;
    sessionVersion?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
  }
}

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

// The session (a signed JWT) carries the user id and the session version only; role and
// firm are read from the database on every request (lib/auth/actor.ts).
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
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const result = await checkCredentials(await getDb(), parsed.data.email, parsed.data.password, clientIp(request));
          if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion };
          if (result.reason === "locked") throw new SignInLocked();
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub, sessionVersion: token.sv } as typeof session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
