import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when no user matches, so a wrong email costs as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$BAbUsvUtIn3iSnMOsf2eSQ$StNuquiT6w/0KUHxqeUMgeU/7hA9HjMSY4rpZG2z3V8";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 10;
