import type { Role } from "./roles";

export type { Role } from "./roles";

// Roles to permissions, as data: the one place that says who may do what. Pages, server
// actions (lib/auth/action.ts), API handlers (lib/api/endpoint.ts) and queries ask
// `can(actor, perm)`; which clients a role may see is scoped in db/queries by clientScope().
export const PERMISSIONS = {
  "clients.list": ["manager", "consultant"],
  "clients.create": ["manager", "consultant"],
  "clients.archive": ["manager", "consultant"],
  /** Choose any active consultant as a client's lead; without it a new client is the creator's own. */
  "clients.assign-any-consultant": ["manager"],
  /** Lists every client of the firm rather than only the ones assigned to you (UI wording, consultant column). */
  "clients.list-all": ["manager"],
  /** One client by id; client users reach only their own (scoped in the query). */
  "clients.read": ["manager", "consultant", "client"],
  /** A client's check-ins and stage history; client users reach only their own. */
  "checkins.read": ["manager", "consultant", "client"],
  "checkins.write": ["manager", "consultant"],
  /** Upload files of check-ins, creating clients for new names. */
  "checkins.import": ["manager", "consultant"],
  "checkins.export": ["manager", "consultant"],
  "overrides.write": ["manager", "consultant"],
  /** Internal notes and internal overrides; client users see only what is meant for them. */
  "notes.internal.read": ["manager", "consultant"],
  "portfolio.read": ["manager"],
  /** Tune the firm's stage rules (thresholds), preview their effect and apply them to every history. */
  "rules.manage": ["manager"],
  "team.manage": ["manager"],
  "audit.read": ["manager"],
  "progress.read": ["client"],
  "self-assessment.write": ["client"],
  /** Your own account: change your password, see and end your sessions. */
  "account.manage": ["manager", "consultant", "client"],
  /** Personal API tokens: every signed-in user, acting with their own role. */
  "tokens.manage": ["manager", "consultant", "client"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface Actor {
  id: string;
  firmId: string;
  role: Role;
  /** Set for client users: the one client they belong to. */
  clientId: string | null;
  email: string;
  name: string;
  /** The user's own language setting; null: the browser's decides. */
  locale?: "en" | "bn" | null;
  /** The IANA zone that "today" and timestamps use: the user's, else the firm's, else UTC. */
  timeZone?: string;
}

/** The one mapping from a user row (and its firm's zone) to the actor that sessions, tokens and tests act as. */
export function actorFromUser(
  u: { id: string; firmId: string; role: Role; clientId: string | null; email: string; name: string; locale?: "en" | "bn" | null; timeZone?: string | null },
  firmTimeZone?: string | null,
): Actor {
  return {
    id: u.id,
    firmId: u.firmId,
    role: u.role,
    clientId: u.clientId,
    email: u.email,
    name: u.name,
    locale: u.locale ?? null,
    timeZone: u.timeZone || firmTimeZone || "UTC",
  };
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  return role === "manager" ? "/portfolio" : role === "consultant" ? "/clients" : "/progress";
}
