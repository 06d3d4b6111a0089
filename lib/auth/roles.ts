// The roles a user can hold. The database enum (db/schema.ts) is built from this list.
export const ROLES = ["manager", "consultant", "client"] as const;
export type Role = (typeof ROLES)[number];
