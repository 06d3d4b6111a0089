import { actorFromUser, type Actor, type Role } from "../../lib/auth/permissions";

/** The user's columns that token_identity and session_identity (migration 0014) answer with. */
export interface IdentityRow {
  user_id: string;
  firm_id: string;
  role: string;
  client_id: string | null;
  email: string;
  name: string;
  active: boolean;
  locale: string | null;
  time_zone: string | null;
  firm_time_zone: string | null;
}

/** The actor an identity lookup found (its user, in its firm's time zone unless it has its own). */
export function actorOfIdentity(row: IdentityRow): Actor {
  return actorFromUser(
    {
      id: row.user_id,
      firmId: row.firm_id,
      role: row.role as Role,
      clientId: row.client_id,
      email: row.email,
      name: row.name,
      locale: row.locale === "en" || row.locale === "bn" ? row.locale : null,
      timeZone: row.time_zone,
    },
    row.firm_time_zone,
  );
}
