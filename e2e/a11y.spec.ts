import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { authFile, type Login } from "./helpers";

// #10: every page at 360 px and 1400 px has no sideways scroll and 0 axe violations (WCAG 2.2
// A and AA rules), in English and Bengali, each in light and dark mode. The demo logins have no
// language setting of their own, so the browser's language decides; dark mode follows the
// system's (next-themes' default).

const VARIANTS = {
  "en light": { locale: "en-GB", colorScheme: "light" as const },
  "en dark": { locale: "en-GB", colorScheme: "dark" as const },
  "bn light": { locale: "bn-BD", colorScheme: "light" as const },
  "bn dark": { locale: "bn-BD", colorScheme: "dark" as const },
};
type Variant = keyof typeof VARIANTS;
const WIDTHS = [360, 1400];

// The full sweep (every page x 4 variants, both languages in both themes, x 2 widths) is
// `npm run test:a11y` (A11Y_FULL=1). In the test suite each page gets one of those eight checks,
// taken in turn from ROTATION, so that across the pages every language, theme and width is still
// seen several times; this keeps CI near its 20 minutes as pages are added.
const ROTATION: [Variant, number][] = [["en light", 360], ["bn dark", 1400], ["bn light", 360], ["en dark", 1400], ["bn light", 1400], ["en light", 1400], ["bn dark", 360], ["en dark", 360]];
const checksFor = (index: number): [Variant, number][] =>
  process.env.A11Y_FULL ? (Object.keys(VARIANTS) as Variant[]).flatMap((v) => WIDTHS.map((w): [Variant, number] => [v, w])) : [ROTATION[index % ROTATION.length]!];

type PageSpec = { who: Login | null; path: string | ((browser: Browser) => Promise<string>) };

async function firstClientPath(browser: Browser): Promise<string> {
  const ctx = await browser.newContext({ storageState: authFile("consultant") });
  const page = await ctx.newPage();
  await page.goto("/clients");
  const href = await page.locator('a[href^="/clients/"][href*="-"]').first().getAttribute("href");
  await ctx.close();
  return href!;
}

const PAGES: Record<string, PageSpec> = {
  "sign-in": { who: null, path: "/sign-in" },
  "invitation link": { who: null, path: "/invite/not-a-real-token" },
  portfolio: { who: "manager", path: "/portfolio" },
  "portfolio drill-down": { who: "manager", path: "/portfolio/clients?stage=4" },
  cohorts: { who: "manager", path: "/portfolio/cohorts" },
  agreement: { who: "manager", path: "/portfolio/agreement" },
  "stage rules": { who: "manager", path: "/portfolio/rules" },
  "client list": { who: "consultant", path: "/clients" },
  "client page": { who: "consultant", path: firstClientPath },
  "new check-in": { who: "consultant", path: async (b) => `${await firstClientPath(b)}/checkins/new` },
  "new client": { who: "consultant", path: "/clients/new" },
  import: { who: "consultant", path: "/import" },
  team: { who: "manager", path: "/team" },
  audit: { who: "manager", path: "/audit" },
  settings: { who: "manager", path: "/settings" },
  "API tokens": { who: "consultant", path: "/settings/tokens" },
  progress: { who: "client", path: "/progress" },
  "client settings": { who: "client", path: "/settings" },
  "not found": { who: "consultant", path: "/no-such-page" },
};

for (const [index, [name, spec]] of Object.entries(PAGES).entries()) {
  const CHECKS = checksFor(index);
  test(`${name}: fits ${CHECKS.map(([v, w]) => `${w} px ${v}`).join(", ")}, 0 axe violations`, async ({ browser }) => {
    // Each check loads the page and runs axe: the full sweep's eight need more than the default minute.
    test.setTimeout(Math.max(60_000, CHECKS.length * 25_000));
    const path = typeof spec.path === "string" ? spec.path : await spec.path(browser);
    for (const [variantName, width] of CHECKS) {
      const variant = VARIANTS[variantName];
      const context = await browser.newContext({
        ...(spec.who ? { storageState: authFile(spec.who) } : {}),
        locale: variant.locale,
        colorScheme: variant.colorScheme,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(path);
      await page.waitForLoadState("load");
      await page.locator("main").first().waitFor();
      await page.waitForTimeout(300); // hydration and the charts' first render
      const where = `${name} at ${width}px, ${variantName}`;
      await expect(page.locator("html"), where).toHaveAttribute("lang", variant.locale.slice(0, 2));
      if (variant.colorScheme === "dark") await expect(page.locator("html"), where).toHaveClass(/dark/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${where} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(" | ")}`);
      expect(summary, where).toEqual([]);
      await context.close();
    }
  });
}
