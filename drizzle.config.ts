import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from db/schema.ts; they are applied by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
