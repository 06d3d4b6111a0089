import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./locales";

describe("which language", () => {
  it("follows Accept-Language by q-value, falling back to English", () => {
    expect(localeFromAcceptLanguage("bn-BD,bn;q=0.9,en;q=0.8")).toBe("bn");
    expect(localeFromAcceptLanguage("fr-FR,en;q=0.5,bn;q=0.7")).toBe("bn");
    expect(localeFromAcceptLanguage("de,fr")).toBe("en");
    expect(localeFromAcceptLanguage("bn;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(undefined)).toBe("en");
  });
  it("the user's setting beats the cookie, which beats the header", () => {
    expect(resolveLocale("en", "bn", "bn")).toBe("en");
    expect(resolveLocale(null, "bn", "en")).toBe("bn");
    expect(resolveLocale(null, "xx", "bn")).toBe("bn");
  });
});
