import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database, type Db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { actorForUser, findUserByEmail } from "@/db/queries/users";
import type { Actor } from "@/lib/auth/permissions";

/** `url` pointing at another database of the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * PostgreSQL database (created and dropped here) when TEST_DATABASE_URL is set.
 * No two files share a database, so no file's changes to its users or clients can reach
 * another file, and files run in parallel (vitest.config.ts). Within a file, a test that
 * changes a user (role, deactivation) makes its own with ./factory.ts.
 * When TEST_DATABASE_URL goes through PgBouncer, TEST_DATABASE_DIRECT_URL names PostgreSQL
 * itself: databases are created, migrated and dropped there, and the tests' queries go
 * through the pooler (scripts/ci-scale-out.sh).
 */
export async function createTestDatabase(): Promise<Database & { label: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    // From the run's migrated dump (./global-setup.ts) when there is one: no initdb.
    const template = inject("pgliteTemplate");
    const pgliteDataDir = template ? new Blob([await readFile(template)]) : undefined;
    const database = await openDatabase({ pgliteDir: "memory://", pgliteDataDir });
    await migrateDatabase(database);
    return { ...database, label: "pglite" };
  }
  const direct = process.env.TEST_DATABASE_DIRECT_URL || url;
  const name = `stageline_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: direct });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(url, name), directUrl: withDatabase(direct, name) });
  await migrateDatabase(database);
  return {
    ...database,
    label: "postgres",
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: direct });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** The actor a demo login would be, read through the same lookup as a real session. */
export async function actorByEmail(db: Database["db"], email: string): Promise<Actor> {
  const u = await findUserByEmail(db, email);
  const a = u && (await actorForUser(db, u.id, u.sessionVersion));
  if (!a) throw new Error(`no active user ${email}`);
  return a;
}

/** A fresh database (as createTestDatabase) holding the demo firm, seeded as of `today`. */
export async function openDemoDatabase(today = "2026-06-30"): Promise<Database & { label: string }> {
  const { seedDemo } = await import("@/db/seed");
  const database = await createTestDatabase();
  await seedDemo(database.db, { today });
  return database;
}

/** Rows in the tables a write touches: clients, check-ins, stored stages and the audit log. */
export async function tableCounts(db: Db) {
  const [row] = await queryRows<{ clients: number; checkins: number; stages: number; audit: number }>(
    db,
    sql`select (select count(*)::int from clients) as clients, (select count(*)::int from check_ins) as checkins,
               (select count(*)::int from stage_assessments) as stages, (select count(*)::int from audit_log) as audit`,
  );
  return row!;
}
