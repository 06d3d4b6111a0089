// ESLint flat config: Next's core-web-vitals and TypeScript sets, drizzle's
// where-clause rules, and the import arrows of DESIGN.md "The shape".
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

// The names the code gives its drizzle handles: `db` (also as `database.db`) and
// the transaction `tx`. The rules only look at .delete()/.update() on these.
const drizzleObjectName = ["db", "tx"];

// --- Import boundaries ---------------------------------------------------
// `no-restricted-imports` matches the import string, so each arrow is written
// twice: once for the `@/` alias (tsconfig paths) and once for relative paths
// climbing out of the folder (`../../db/...`). A relative pattern may also
// match a sibling folder of the same name deeper down; none exists, so the
// approximation errs on the strict side. It does not see `import()` or
// `require()`; static imports and `export ... from` are checked.
const up = "(\\.\\./)+";
const boundary = (message, ...regexes) => ({
  "no-restricted-imports": ["error", { patterns: regexes.map((regex) => ({ regex, message })) }],
});

// A bare next/link prefetches its page as soon as it scrolls into view: every page load asked the
// server for each section in the menu and each client in a list (docs/performance.md, Stop 30).
// Links prefetch when the user reaches for them (IntentLink) or, on a list's rows, not at all (RowLink).
const bareLink = {
  name: "next/link",
  message: "Use IntentLink (prefetches on hover, focus or touch) or RowLink (a link repeated on every row of a list) from components/ui.",
};
const linkWrappers = ["components/ui/IntentLink.tsx", "components/ui/RowLink.tsx"];
const componentsPatterns = ["^@/(app|db)(/|$)", `^${up}(app|db)(/|$)`].map((regex) => ({
  regex,
  message: "components/ receive data as props: they import nothing from app/ or db/ (DESIGN.md, The shape).",
}));

// lib/stages imports only its own files and node: builtins (tests may also use
// vitest and fast-check). A file `depth` folders below lib/stages may climb at
// most `depth` levels, so the allowed relative forms depend on the depth.
const stagesRule = (depth, extra = []) => {
  const allowed = ["\\.(/|$)", "node:", "@/lib/stages(/|$)", ...extra.map((p) => `${p}(/|$)`)];
  if (depth > 0) {
    allowed.push(`(\\.\\./){1,${depth}}(?!\\.\\.(/|$))`);
    allowed.push(`(\\.\\./){0,${depth - 1}}\\.\\.$`);
  }
  return boundary(
    "lib/stages is the pure stage model: it imports only its own files and node: builtins (DESIGN.md, The shape).",
    `^(?!(${allowed.join("|")}))`,
  );
};
const stagesTestDeps = ["vitest", "fast-check"];
const stagesBlocks = [0, 1, 2, 3].flatMap((depth) => {
  const dir = ["lib/stages", ...Array(depth).fill("*")].join("/");
  const src = `${dir}/*.{ts,tsx,js,mjs}`;
  const tests = `${dir}/*.test.{ts,tsx}`;
  return [
    { name: `boundaries/lib-stages-${depth}`, files: [src], ignores: [tests], rules: stagesRule(depth) },
    { name: `boundaries/lib-stages-${depth}-tests`, files: [tests], rules: stagesRule(depth, stagesTestDeps) },
  ];
});

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "e2e/.auth/**",
    "next-env.d.ts",
  ]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    name: "stageline/style",
    rules: {
      // `_`-prefixed names are deliberately unused (placeholders, destructuring
      // to drop a key, positional parameters).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/no-unused-expressions": "error",
    },
  },
  {
    // Tests read JSON response bodies and poke at rows whose shape they assert
    // on the next line; `any` there is the readable choice, not a hole in the app.
    name: "stageline/tests",
    files: ["tests/**", "e2e/**", "**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    name: "stageline/drizzle",
    files: ["**/*.{ts,tsx,js,mjs}"],
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName }],
    },
  },
  {
    name: "stageline/links",
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { paths: [bareLink] }] },
  },
  {
    name: "boundaries/components",
    files: ["components/**"],
    ignores: linkWrappers,
    // The components/ boundary, and no bare next/link (one rule, so both go in one entry).
    rules: { "no-restricted-imports": ["error", { paths: [bareLink], patterns: componentsPatterns }] },
  },
  {
    // The two wrappers of next/link: the same boundary, without the rule they exist for.
    name: "boundaries/components-links",
    files: linkWrappers,
    rules: { "no-restricted-imports": ["error", { patterns: componentsPatterns }] },
  },
  ...stagesBlocks,
  {
    name: "boundaries/lib-checkin-format",
    files: ["lib/checkin-format/**"],
    rules: boundary(
      "lib/checkin-format parses and serializes only: it imports nothing from db/ (DESIGN.md, The shape).",
      "^@/db(/|$)",
      `^${up}db(/|$)`,
    ),
  },
  {
    name: "boundaries/db",
    files: ["db/**"],
    rules: boundary(
      "db/ sits below the routes: it imports nothing from app/, components/ or lib/api (DESIGN.md, The shape).",
      "^@/(app|components|lib/api)(/|$)",
      `^${up}(app|components)(/|$)`,
      `^${up}lib/api(/|$)`,
    ),
  },
]);
