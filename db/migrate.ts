import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./index";

/**
 * After every migration run: the app's role may read and write every table, including tables
 * that later migrations add, and may only append to the audit log and to the firms' rule versions. Which rows it sees is up to
 * the row-level security policies (migration 0005; tests/integration/row-level-security.test.ts
 * fails for a table with firm_id and no forced policy).
 */
const APP_ROLE_GRANTS = `
  GRANT USAGE ON SCHEMA public TO stageline_app;
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO stageline_app;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO stageline_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM stageline_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON firm_rule_sets FROM stageline_app;
`;

export const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Applies drizzle-kit's migrations. On PostgreSQL an advisory lock keeps two starting instances
 * from racing. That lock belongs to a session, and a transaction pooler (PgBouncer in
 * transaction mode) hands each statement to whichever server connection is free: lock, migrate
 * and unlock would land on different sessions, and the lock would outlive the run on a pooled
 * connection. So migrations connect to PostgreSQL itself: `directUrl` (DATABASE_DIRECT_URL).
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const migrationsFolder = MIGRATIONS_FOLDER;
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder });
    for (const statement of APP_ROLE_GRANTS.split(";").map((x) => x.trim()).filter(Boolean)) await database.db.execute(sql.raw(statement));
    return;
  }
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { Client } = await import("pg");
  // An advisory lock is per connection, so lock, migrate and unlock on one dedicated client.
  const client = new Client({ connectionString: database.directUrl ?? database.url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(727274)");
    await migrate(drizzle({ client }), { migrationsFolder });
    await client.query(APP_ROLE_GRANTS);
  } finally {
    await client.query("select pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
