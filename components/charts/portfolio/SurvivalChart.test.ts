import { describe, expect, it, vi } from "vitest";
import { cloneElement, createElement, type ComponentType, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";
import { drawingCurve, kaplanMeier } from "@/lib/insight/km";

// The server render of the survival chart's HTML: stage buttons, the summary, the number at risk,
// the footnote of completed spells and the "Show data" tables, in both languages. The SVG itself is
// drawn in the browser (e2e/insight-survival.spec.ts).
vi.mock("recharts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("recharts")>();
  return { ...actual, ResponsiveContainer: ({ children }: { children: ReactElement }) => cloneElement(children as ReactElement<{ width: number; height: number }>, { width: 360, height: 240 }) };
});

const { SurvivalChart } = await import("./SurvivalChart");

function render(locale: "en" | "bn", node: ReactNode): string {
  const Provider = NextIntlClientProvider as ComponentType<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === "bn" ? bn : en, timeZone: "Asia/Dhaka" }, node));
}

const AT = [0, 30, 90, 180, 365];
// As the page sends them (drawingCurve). Stage 2 has the most stays, so it is shown first: 4 stays, ended on days 10 and 40, censored on 40 and 100.
const stages = [1, 2, 3, 4, 5, 6].map((stage) => ({
  stage,
  ...kaplanMeier(
    stage === 2
      ? [{ days: 10, event: true, forward: true }, { days: 40, event: true }, { days: 40, event: false }, { days: 100, event: false }]
      : stage === 3
        ? [{ days: 5, event: false }]
        : [],
    { at: AT },
  ),
})).map((s) => ({ ...s, curve: drawingCurve(s.curve) }));
const completed = [{ stage: 2, spells: 2, median: 25, href: "/portfolio/clients?spell=2" }];

describe("SurvivalChart", () => {
  it("opens on the stage with the most stays, with its median, forward share and number at risk", () => {
    const html = render("en", createElement(SurvivalChart, { title: "Time in stage", stages, completed }));
    expect(html).toContain('<figure aria-label="Time in stage"');
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-pressed="true"[^>]*>.*?Stage 2<\/button>/);
    // S: day 10 3/4, day 40 3/4 · 2/3 = 1/2 → median 40. One of two exits moved forward.
    expect(html).toContain("4 stays in this period: 2 ended, 2 still going");
    expect(html).toContain("Median: 40 days");
    expect(html).toContain("50% of the exits moved forward");
    // At risk on days 0, 30, 90 (the axis stops at the longest stay, 100): 4, 3, 1.
    expect(html).toMatch(/Number at risk<\/th><td[^>]*>4<\/td><td[^>]*>3<\/td><td[^>]*>1<\/td><\/tr>/);
    expect(html).toContain("For comparison: completed spells only");
    expect(html).toContain('href="/portfolio/clients?spell=2"');
    expect(html).toContain("Show data");
    expect(html).toContain('aria-label="All stages"');
    expect(html).toContain("not reached");
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("speaks Bengali with Bengali digits", () => {
    const html = render("bn", createElement(SurvivalChart, { title: "প্রতিটি ধাপে কত দিন", stages, completed }));
    expect(html).toContain("মধ্যক: ৪০ দিন");
    expect(html).toContain("৫০%");
    expect(html).toContain("তুলনার জন্য: শুধু শেষ হওয়া অবস্থান");
    expect(html).not.toMatch(/Median|>40</);
  });

  it("says so when no stage had a stay", () => {
    const none = kaplanMeier([], { at: AT });
    const empty = stages.map((s) => ({ ...s, ...none, curve: drawingCurve(none.curve) }));
    const html = render("en", createElement(SurvivalChart, { title: "Time in stage", stages: empty, completed: [] }));
    expect(html).toContain("No client was in this stage during this period.");
    expect(html).toContain("No client moved on from a stage in this period.");
    expect(html).not.toContain("Number at risk");
  });
});
