import type { Role } from "../../db/schema";

// Roles to permissions, as data. Pages, actions and route handlers ask `can(actor, perm)`;
// what a role may see (which clients) is scoped in db/queries by clientScope().
export const PERMISSIONS = {
  "clients.list": ["manager", "consultant"],
  "clients.create": ["manager", "consultant"],
  "clients.archive": ["manager", "consultant"],
  "checkins.write": ["manager", "consultant"],
  "overrides.write": ["manager", "consultant"],
  "portfolio.read": ["manager"],
  "team.manage": ["manager"],
  "audit.read": ["manager"],
  "progress.read": ["client"],
  "self-assessment.write": ["client"],
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
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  return role === "manager" ? "/portfolio" : role === "consultant" ? "/clients" : "/progress";
}
