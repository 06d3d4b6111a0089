// Proves the lint rules that carry architecture (eslint.config.mjs) fire: each import
// arrow of DESIGN.md "The shape" and drizzle's where-clause rules, on virtual files.
import { beforeAll, describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
}, 60_000);

/** The rule ids ESLint reports for `code` as if it lived at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath), warnIgnored: true });
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const boundary = "no-restricted-imports";
const uses = (spec: string) => `import * as m from "${spec}";\nexport const x = m;\n`;

describe("import boundaries", { timeout: 60_000 }, () => {
  it("components/ import nothing from app/ or db/", async () => {
    for (const spec of ["@/db/index", "@/db", "@/app/(auth)/sign-in/actions", "../../db/schema", "../../app/layout"]) {
      expect(await ruleIds("components/ui/x.tsx", uses(spec)), spec).toEqual([boundary]);
    }
    for (const spec of ["@/lib/stages", "@/components/ui/primitives", "./colors", "react"]) {
      expect(await ruleIds("components/stage/x.tsx", uses(spec)), spec).toEqual([]);
    }
  });

  it("pages and components link through IntentLink or RowLink, never a bare next/link (it prefetches on sight)", async () => {
    for (const file of ["app/(dashboard)/x/page.tsx", "components/clients/x.tsx", "components/ui/x.tsx"]) {
      expect(await ruleIds(file, uses("next/link")), file).toEqual([boundary]);
      expect(await ruleIds(file, uses("@/components/ui/IntentLink")), file).toEqual([]);
    }
    for (const file of ["components/ui/IntentLink.tsx", "components/ui/RowLink.tsx"]) {
      expect(await ruleIds(file, uses("next/link")), file).toEqual([]);
      // the wrappers keep the components/ boundary
      expect(await ruleIds(file, uses("@/db")), file).toEqual([boundary]);
    }
  });

  it("lib/stages imports only itself and node: builtins", async () => {
    for (const spec of ["@/db/index", "@/lib/env", "zod", "../validation/primitives", "..", "fs"]) {
      expect(await ruleIds("lib/stages/x.ts", uses(spec)), spec).toEqual([boundary]);
    }
    for (const spec of ["./types", ".", "node:fs", "@/lib/stages/vocabulary"]) {
      expect(await ruleIds("lib/stages/x.ts", uses(spec)), spec).toEqual([]);
    }
    // one folder down, one climb stays inside; two leave it
    expect(await ruleIds("lib/stages/messages/x.ts", uses("../types"))).toEqual([]);
    expect(await ruleIds("lib/stages/messages/x.ts", uses("../../env"))).toEqual([boundary]);
    // tests may use their runner and fast-check, source files may not
    expect(await ruleIds("lib/stages/x.test.ts", uses("vitest"))).toEqual([]);
    expect(await ruleIds("lib/stages/x.ts", uses("vitest"))).toEqual([boundary]);
  });

  it("lib/checkin-format imports nothing from db/", async () => {
    for (const spec of ["@/db/schema", "../../db/schema"]) {
      expect(await ruleIds("lib/checkin-format/x.ts", uses(spec)), spec).toEqual([boundary]);
    }
    expect(await ruleIds("lib/checkin-format/x.ts", uses("../stages/vocabulary"))).toEqual([]);
  });

  it("db/ imports nothing from app/, components/ or lib/api", async () => {
    for (const spec of ["@/app/layout", "@/components/ui/primitives", "@/lib/api/errors", "../../app/x", "../../components/x", "../../lib/api/errors", "../lib/api"]) {
      const file = spec.startsWith("../lib") ? "db/x.ts" : "db/queries/x.ts";
      expect(await ruleIds(file, uses(spec)), spec).toEqual([boundary]);
    }
    for (const spec of ["../../lib/auth/permissions", "@/lib/stages", "../schema"]) {
      expect(await ruleIds("db/queries/x.ts", uses(spec)), spec).toEqual([]);
    }
  });
});

describe("drizzle where-clause rules", { timeout: 60_000 }, () => {
  const file = "db/queries/x.ts";
  const drizzleIds = async (body: string) => (await ruleIds(file, wrap(body))).filter((id) => id.startsWith("drizzle/"));
  // Type names are not resolved without type information, so `Handle` needs no declaration.
  const wrap = (body: string) => `declare const db: Handle, tx: Handle, database: { db: Handle }, t: Handle, w: Handle;\nexport async function f() {\n${body}\n}\n`;

  it("flags delete and update without where on db, tx and database.db", async () => {
    expect(await drizzleIds("await db.delete(t);")).toEqual(["drizzle/enforce-delete-with-where"]);
    expect(await drizzleIds("await database.db.delete(t);")).toEqual(["drizzle/enforce-delete-with-where"]);
    expect(await drizzleIds("await tx.update(t).set({ a: 1 });")).toEqual(["drizzle/enforce-update-with-where"]);
  });

  it("accepts them with where, and leaves other objects' delete alone", async () => {
    expect(await drizzleIds("await db.delete(t).where(w);\nawait tx.update(t).set({ a: 1 }).where(w);\nnew Map().delete(1);")).toEqual([]);
  });
});

describe("unit test isolation (vitest.config.ts)", () => {
  it("every unit test file that mocks, spies or changes process.env runs isolated", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const { UNIT_ISOLATED } = await import("../tests/unit-isolated");
    const files: string[] = [];
    for (const top of ["lib", "scripts", "components"]) {
      for (const f of await readdir(path.join(root, top), { recursive: true })) if (f.endsWith(".test.ts")) files.push(`${top}/${f}`);
    }
    const risky = /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|process\.env\.\w+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]/;
    // This file names the patterns, not uses them.
    const needIsolation = [];
    for (const f of files) if (f !== "scripts/lint-boundaries.test.ts" && risky.test(await readFile(path.join(root, f), "utf8"))) needIsolation.push(f);
    expect(needIsolation.length).toBeGreaterThan(0);
    expect(needIsolation.filter((f) => !UNIT_ISOLATED.includes(f))).toEqual([]);
    // And the list names no file that is gone.
    expect(UNIT_ISOLATED.filter((f) => !files.includes(f))).toEqual([]);
  });
});
