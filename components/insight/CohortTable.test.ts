import { describe, expect, it, vi } from "vitest";
import { cloneElement, createElement, type ComponentType, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";

// The server render of the cohort triangle and the HTML parts of the cohort chart (recharts draws
// its SVG only in a browser), in both languages.
vi.mock("recharts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("recharts")>();
  return { ...actual, ResponsiveContainer: ({ children }: { children: ReactElement }) => cloneElement(children as ReactElement<{ width: number; height: number }>, { width: 360, height: 240 }) };
});

const { CohortTable } = await import("./CohortTable");
const { CohortChart } = await import("./CohortChart");

function render(locale: "en" | "bn", node: ReactNode): string {
  const Provider = NextIntlClientProvider as ComponentType<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === "bn" ? bn : en, timeZone: "Asia/Dhaka" }, node));
}

const href = (cohort: string, k: number) => `/portfolio/cohorts/clients?cohort=${cohort}&k=${k}`;
const rows = [
  { cohort: "2026-01", size: 3, cells: [[1, 3], [2, 3], [1, 3], [1, 3]].map(([a, c], k) => ({ k, clients: c!, atOrAbove4: a!, share: a! / c!, href: href("2026-01", k) })) },
  { cohort: "2026-03", size: 3, cells: [{ k: 0, clients: 3, atOrAbove4: 2, share: 2 / 3, href: href("2026-03", 0) }, { k: 1, clients: 0, atOrAbove4: 0, share: null, href: href("2026-03", 1) }] },
];

describe("CohortTable", () => {
  it("is a triangle with scoped headers, a percentage and a link in every cell it has, blanks after", () => {
    const html = render("en", createElement(CohortTable, { rows, title: "Triangle" }));
    expect(html).toContain('aria-label="Triangle"');
    expect(html.match(/scope="row"/g)).toHaveLength(2);
    // Corner, size and months 0-3.
    expect(html.match(/scope="col"/g)).toHaveLength(6);
    expect(html).toContain('<span class="sr-only">Month 3</span>');
    expect(html).toContain(">Jan 2026</th>");
    expect(html).toContain('href="/portfolio/cohorts/clients?cohort=2026-01&amp;k=1"');
    expect(html).toContain(">67%</a>");
    expect(html).toContain('aria-label="33%: 1 of 3 clients of the Jan 2026 cohort at stage 4 or above in month 0"');
    expect(html).toContain('aria-label="No active clients left"');
    // The March row has two cells and two blanks.
    const march = html.slice(html.indexOf(">Mar 2026</th>"));
    expect(march.match(/<td class="border border-transparent p-0"><\/td>/g)).toHaveLength(2);
    // Each coloured cell carries its step's colours for both themes.
    expect(html).toContain("--cohort-bg:#eef2ff");
    expect(html).toContain("--cohort-bg-dark:#818cf8");
  });

  it("speaks Bengali with Bengali digits", () => {
    const html = render("bn", createElement(CohortTable, { rows, title: "ত্রিভুজ" }));
    expect(html).toContain("৬৭%");
    expect(html).toContain("মাস ৩");
    expect(html).not.toMatch(/>\d+%</);
  });
});

describe("CohortChart", () => {
  const series = rows.map((r) => ({ cohort: r.cohort, shares: r.cells.map((c) => c.share) }));

  it("has a legend and a data table behind 'Show data', and says when it draws only the latest cohorts", () => {
    const html = render("en", createElement(CohortChart, { series, title: "Cohorts over time", note: "The latest 2 of 14 cohorts are drawn" }));
    expect(html).toContain('<figure aria-label="Cohorts over time"');
    expect(html).toContain("Show data");
    expect(html).toContain('aria-label="Cohorts"');
    expect(html).toContain("The latest 2 of 14 cohorts are drawn");
    expect(html).toContain(">Month 3</th>");
    expect(html).toContain(">33%</td>");
    expect(html).toContain("[--cohort-line-0:#1d4ed8]");
  });

  it("speaks Bengali", () => {
    const html = render("bn", createElement(CohortChart, { series, title: "কোহর্ট" }));
    expect(html).toContain("৩৩%");
    expect(html).toContain("মাস ৩");
  });
});
