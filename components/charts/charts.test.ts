import { describe, expect, it, vi } from "vitest";
import { cloneElement, createElement, type ComponentType, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";

// The server render of the charts' HTML parts (recharts draws the SVG only in a browser):
// the data tables, legends and notes, in both languages.
vi.mock("recharts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("recharts")>();
  return { ...actual, ResponsiveContainer: ({ children }: { children: ReactElement }) => cloneElement(children as ReactElement<{ width: number; height: number }>, { width: 360, height: 240 }) };
});

const { DistributionNowChart } = await import("./portfolio/DistributionNowChart");
const { FlowMatrix, flowShade } = await import("./portfolio/FlowMatrix");
const { StageTimeline } = await import("./StageTimeline");
const { JourneyChart } = await import("./JourneyChart");

function render(locale: "en" | "bn", node: ReactNode): string {
  const Provider = NextIntlClientProvider as ComponentType<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === "bn" ? bn : en, timeZone: "Asia/Dhaka" }, node));
}

const distribution = [1, 2, 3, 4, 5, 6].map((stage) => ({ stage, count: stage * 3, href: `/portfolio/clients?stage=${stage}` }));
const timelineText = { title: "Stage over time", inferred: "Inferred", override: "Override", withdrawn: "Withdrawn", stageLabels: {}, date: "Date", stage: "Stage", kind: "Kind", why: "Why" };

describe("charts", () => {
  it("give their data as a table behind one 'Show data' control, with links to the clients", () => {
    const html = render("en", createElement(DistributionNowChart, { title: "Stage distribution now", data: distribution }));
    expect(html).toContain('<figure aria-label="Stage distribution now"');
    expect(html).toContain("<summary");
    expect(html).toContain("Show data");
    expect(html).toContain("Stage 3: It&#x27;s not working");
    expect(html).toContain('href="/portfolio/clients?stage=3"');
    // The only Tab stop besides the summary and the table's links is the table's scroll region.
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });

  it("speak Bengali with Bengali digits", () => {
    const html = render("bn", createElement(DistributionNowChart, { title: "x", data: distribution }));
    expect(html).toContain("তথ্য দেখুন");
    expect(html).toContain("ধাপ ৬: সোশ্যাল মিডিয়ার প্রচারক");
    expect(html).toContain(">১৮</a>");
    expect(html).not.toMatch(/>18</);
  });

  it("label each flow cell and shade it in four contrast-safe steps", () => {
    const html = render("en", createElement(FlowMatrix, { title: "Flows between stages", cells: [{ from: 2, to: 3, count: 4, direction: "forward", href: "/x" }, { from: 4, to: 3, count: 1, direction: "backward", href: "/y" }] }));
    expect(html).toContain('aria-label="2 → 3: 4 forward moves"');
    expect(html).toContain('aria-label="4 → 3: 1 backward move"');
    expect([flowShade(0, 8), flowShade(1, 8), flowShade(3, 8), flowShade(5, 8), flowShade(8, 8)]).toEqual([0, 0, 1, 2, 3]);
  });

  it("draw one check-in as an intended single point, and date the table in the locale", () => {
    const html = render("bn", createElement(StageTimeline, { points: [{ date: "2026-03-09", stage: 2, kind: "inferred", reasons: ["a"] }], text: timelineText }));
    expect(html).toContain('data-points="1"');
    expect(html).toContain("এখন পর্যন্ত একটি চেক-ইন");
    expect(html).toContain("৯ মার্চ, ২০২৬");
    expect(html).not.toContain('class="sr-only"');
  });

  it("draw the client's journey on the server: one named image, stage names on the axis, in the locale", () => {
    const points = [{ date: "2025-11-03", stage: 2 }, { date: "2026-01-12", stage: 3 }, { date: "2026-03-09", stage: 3 }];
    const html = render("bn", createElement(JourneyChart, { title: "আপনার যাত্রা", points }));
    expect(html).toContain('<div role="img" aria-label="আপনার যাত্রা"');
    expect(html).toContain('<svg aria-hidden="true" focusable="false" width="100%" height="100%"');
    expect(html).toContain("৬ · সোশ্যাল মিডিয়ার প্রচারক");
    expect(html).toContain("মার্চ, ২০২৬");
    expect(html.match(/<circle /g)).toHaveLength(3);
    // A step line: across, then up where the stage changes (2 -> 3 once), and across again.
    expect(html.match(/<line /g)).toHaveLength(1 + 3);
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("centre a journey of one check-in", () => {
    const html = render("en", createElement(JourneyChart, { title: "Your stage over time", points: [{ date: "2026-03-09", stage: 1 }] }));
    expect(html).toContain('cx="48.75%"');
    expect(html).toContain('r="6"');
  });
});
