import { createHash } from "node:crypto";

/** The one way a secret token (API token, invitation token) is stored: sha256, hex. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
