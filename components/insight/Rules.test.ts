import { describe, expect, it, vi } from "vitest";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";
import { DEFAULT_SETTINGS } from "@/lib/stages/settings";
import { summarizeAgreement } from "@/lib/insight/agreement";
import type { WhatIfResult } from "@/lib/insight/what-if";

// The server render of the Stage rules components, in both languages: every message they use
// renders with its parameters (a missing one would throw), and the tables are labelled.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const { RulesForm } = await import("./RulesForm");
const { RulesPreview } = await import("./RulesPreview");
const { RulesHistory } = await import("./RulesHistory");
const { RulesProgress } = await import("./RulesProgress");

function render(locale: "en" | "bn", node: ReactNode): string {
  const Provider = NextIntlClientProvider as ComponentType<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === "bn" ? bn : en, timeZone: "Asia/Dhaka" }, node));
}

const pairs = [
  { inferred: 3, other: 3 },
  { inferred: 2, other: 4 },
];
const result: WhatIfResult = {
  clients: 41,
  changed: 3,
  moves: [
    { from: 3, to: 2, count: 2, clients: [{ id: "a", name: "Alpha Café" }, { id: "b", name: "Bravo & Co" }] },
    { from: 1, to: 2, count: 250, clients: [{ id: "c", name: "Charlie" }] },
  ],
  overrides: { before: summarizeAgreement(pairs), after: summarizeAgreement([{ inferred: 3, other: 3 }, { inferred: 4, other: 4 }]) },
  self: { before: summarizeAgreement([]), after: summarizeAgreement([]) },
};
const noop = async () => ({ n: 0, ok: false, fieldErrors: {} });

describe("Stage rules components", () => {
  for (const locale of ["en", "bn"] as const) {
    it(`render in ${locale}`, () => {
      const form = render(locale, createElement(RulesForm, { values: { ...DEFAULT_SETTINGS, trialDays: 120 }, previewAction: noop, saveAction: noop, resetAction: noop }));
      expect(form).toContain('value="120"');
      expect(form).toContain('min="14"');
      expect((form.match(/<input /g) ?? []).length).toBe(5);
      const preview = render(locale, createElement(RulesPreview, { result }));
      expect(preview).toContain('href="/clients/a"');
      expect(preview).toContain("<details>");
      const history = render(locale, createElement(RulesHistory, { versions: [{ version: 2, settings: DEFAULT_SETTINGS, createdAt: "2026-06-30T10:00:00Z", createdBy: "Maya Chen" }, { version: 1, settings: { ...DEFAULT_SETTINGS, trialDays: 120 }, createdAt: "2026-06-29T10:00:00Z", createdBy: null }], appliedVersion: 2, timeZone: "Asia/Dhaka" }));
      expect(history).toContain("Maya Chen");
      const progress = render(locale, createElement(RulesProgress, { version: 3, initial: { appliedVersion: 2, run: { version: 3, total: 40, done: 10, finishedAt: null, error: null } }, poll: async () => ({ appliedVersion: 2, run: null }) }));
      expect(progress).toMatch(/<progress[^>]*value="10"[^>]*max="40"|<progress[^>]*max="40"[^>]*value="10"/);
      if (locale === "en") {
        expect(form).toContain("From 14 to 365. Default 90.");
        expect(preview).toContain("3 clients&#x27; current stages would change, of 41 active clients with a stage.");
        expect(preview).toContain("…and 249 more");
        expect(preview).toContain("50%");
        expect(history).toContain("Trial period (days): 120");
        expect(history).toContain("The defaults");
        expect(progress).toContain("10 of 40 clients");
      } else {
        for (const html of [form, preview, history, progress]) expect(html.replace(/<[^>]*>/g, "")).not.toMatch(/[0-9]/);
      }
    });
  }
});
