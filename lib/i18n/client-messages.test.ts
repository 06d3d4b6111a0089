import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { pickMessages } from "./pick-messages";

// Each route sends its client components only some message namespaces (components/i18n/
// ClientMessages.tsx). A client component that reads a namespace its route does not send would
// show raw keys, so this test follows every route file's imports to the client components it
// reaches and checks that the nearest <ClientMessages namespaces={[…]}> (in the file itself, else
// in the closest layout above it) covers every namespace they use.
const root = path.resolve(import.meta.dirname, "../..");
const SHELL = readFileSync(path.join(root, "components/i18n/ClientMessages.tsx"), "utf8").match(/SHELL_NAMESPACES = \[([^\]]*)\]/)![1];
const strings = (list: string) => [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
const shell = strings(SHELL);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}
const files = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))];
const source = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) if (source.has(c)) return c;
  return null;
}
const imports = (f: string) =>
  [...source.get(f)!.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g)].map((m) => resolveImport(f, m[1] ?? m[2])).filter((x): x is string => !!x);
const isClient = (f: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(source.get(f)!);
const used = (f: string) => [...source.get(f)!.matchAll(/useTranslations\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);

function reachedNamespaces(entry: string): Map<string, string> {
  // A file runs in the browser when it says "use client" or when a file that does imports it.
  const seen = new Set<string>();
  const out = new Map<string, string>();
  const stack: [string, boolean][] = [[entry, false]];
  while (stack.length) {
    const [f, parentInBrowser] = stack.pop()!;
    const inBrowser = parentInBrowser || isClient(f);
    const key = `${inBrowser}:${f}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (inBrowser) for (const ns of used(f)) out.set(ns, path.relative(root, f));
    stack.push(...imports(f).map((i): [string, boolean] => [i, inBrowser]));
  }
  return out;
}
const declared = (f: string) => {
  const m = source.get(f)?.match(/<ClientMessages(?:\s+namespaces=\{\[([^\]]*)\]\})?/);
  return m ? [...shell, ...strings(m[1] ?? "")] : null;
};
function provided(entry: string): string[] {
  const own = declared(entry);
  if (own) return own;
  for (let dir = path.dirname(entry); dir.startsWith(path.join(root, "app")); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (layout !== entry && existsSync(layout)) {
      const d = declared(layout);
      if (d) return d;
    }
  }
  return [];
}
const covers = (have: string[], ns: string) => have.some((h) => ns === h || ns.startsWith(`${h}.`));
const entries = files.filter((f) => f.startsWith(path.join(root, "app")) && /\/(page|layout|error|loading|not-found|global-error)\.tsx$/.test(f));

describe("client messages per route", () => {
  it("finds the route files and the client components that use messages", () => {
    expect(entries.length).toBeGreaterThan(30);
    expect(files.filter((f) => isClient(f) && used(f).length > 0).length).toBeGreaterThan(20);
    // The check reads namespaces as string literals; a computed one would slip past it.
    const computed = files.filter((f) => /use(Translations|Messages)\((?!\s*"[^"]+"\s*\))/.test(source.get(f)!));
    expect(computed.map((f) => path.relative(root, f))).toEqual([]);
  });

  it.each(entries.map((e) => [path.relative(root, e), e]))("%s sends every namespace its client components read", (_name, entry) => {
    const have = provided(entry);
    const missing = [...reachedNamespaces(entry)].filter(([ns]) => !covers(have, ns)).map(([ns, by]) => `${ns} (${by})`);
    expect(missing).toEqual([]);
  });

  it("every declared namespace exists in the catalogue", () => {
    for (const f of files) {
      const d = declared(f);
      if (d) expect(() => pickMessages(en, d), path.relative(root, f)).not.toThrow();
    }
  });

  it("picks nested namespaces in the catalogue's shape", () => {
    const m = { a: { b: { c: "x" }, d: "y" }, e: "z" };
    expect(pickMessages(m, ["a.b", "e"])).toEqual({ a: { b: { c: "x" } }, e: "z" });
    expect(() => pickMessages(m, ["a.q"])).toThrow(/a\.q/);
  });
});
