import { describe, expect, it } from "vitest";
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";
import { AgreementMatrix, agreementBand } from "./AgreementMatrix";
import { AgreementShares } from "./AgreementShares";
import { summarizeAgreement } from "@/lib/insight/agreement";

// The server render of the agreement matrix and its headline figures, in both languages.
function render(locale: "en" | "bn", node: ReactNode): string {
  const Provider = NextIntlClientProvider as ComponentType<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;
  return renderToStaticMarkup(createElement(Provider, { locale, messages: locale === "bn" ? bn : en, timeZone: "Asia/Dhaka" }, node));
}

const summary = summarizeAgreement([
  { inferred: 3, other: 3 },
  { inferred: 3, other: 3 },
  { inferred: 2, other: 4 },
  { inferred: 5, other: 4 },
]);
const hrefs = [1, 2, 3, 4, 5, 6].map((i) => [1, 2, 3, 4, 5, 6].map((o) => `/x?inferred=${i}&other=${o}`));

describe("AgreementMatrix", () => {
  it("bands cells by distance from the diagonal", () => {
    expect(agreementBand(3, 3)).toBe("exact");
    expect(agreementBand(3, 4)).toBe("withinOne");
    expect(agreementBand(4, 3)).toBe("withinOne");
    expect(agreementBand(1, 3)).toBe("apart");
  });

  it("is a table with row and column headers, linking only the non-empty cells", () => {
    const html = render("en", createElement(AgreementMatrix, { against: "override", matrix: summary.matrix, hrefs, title: "Engine and overrides" }));
    expect(html).toContain('<table aria-label="Engine and overrides"');
    expect(html.match(/scope="col"/g)).toHaveLength(7);
    expect(html.match(/scope="row"/g)).toHaveLength(6);
    expect(html).toContain("Override: stage 4");
    expect(html).toContain("Inferred: stage 5");
    expect(html.match(/<a /g)).toHaveLength(3);
    expect(html).toContain('aria-label="Inferred stage 3, override stage 3: 2 clients"');
    expect(html).toContain('href="/x?inferred=2&amp;other=4"');
    expect(html).not.toContain('href="/x?inferred=1&amp;other=1"');
  });

  it("speaks Bengali with Bengali digits", () => {
    const html = render("bn", createElement(AgreementMatrix, { against: "self", matrix: summary.matrix, hrefs, title: "মিল" }));
    expect(html).toContain("নির্ণীত ধাপ ৩, নিজের মতে ধাপ ৩: ২ জন ক্লায়েন্ট");
    expect(html).not.toMatch(/>\s*2\s*</);
  });
});

describe("AgreementShares", () => {
  it("shows the exact and within-one shares as percentages", () => {
    const html = render("en", createElement(AgreementShares, { summary }));
    expect(html).toContain("50%");
    expect(html).toContain("75%");
    expect(html).toContain("agree exactly");
    expect(render("bn", createElement(AgreementShares, { summary }))).toContain("৫০%");
  });
});
