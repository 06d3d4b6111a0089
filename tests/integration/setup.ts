import { beforeAll } from "vitest";
import { forgetSpellSummaries } from "@/db/queries/insight/spell-durations";

// Integration files share one module graph per worker (vitest.config.ts, isolate: false). The one
// thing a module keeps between calls that depends on the database is the firm-wide stay summaries
// each server process remembers for a minute (db/queries/insight/spell-durations.ts): all firms'
// aggregates are remembered under the day alone, so one file's database would answer for the next.
beforeAll(() => forgetSpellSummaries());
