import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";
import { UNIT_ISOLATED } from "./tests/unit-isolated";

const alias = { "@": path.resolve(import.meta.dirname) };
const UNIT = ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: UNIT,
          exclude: [...configDefaults.exclude, ...UNIT_ISOLATED],
          // Pure functions: one module graph per worker instead of one per file halves the run
          // (the unit run took 31 s against 54 s on a 2-core machine). Files that mock modules, spy on shared
          // objects or change the environment run isolated below.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { name: "unit-isolated", environment: "node", include: UNIT_ISOLATED },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["db/**/*.test.ts", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file opens its own database; two at a time suits a 2-core machine.
          maxWorkers: 2,
          // Each file opens its own database and closes it, so the files of a worker can share
          // one module graph: loading the app's modules again for each of about forty files was
          // 40% of this run (140 s against 84 s on PGlite, back to back). tests/integration/setup.ts clears
          // the one cache that would carry over.
          isolate: false,
        },
      },
    ],
  },
});
