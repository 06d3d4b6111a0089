import { describe, expect, it } from "vitest";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";

// The translation completeness test: a key in one language and not the other fails, and so
// does a message whose placeholders differ between the languages, or an empty message.

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out[key] = v;
    else flatten(v, key, out);
  }
  return out;
}

/** The ICU argument names of a message: `{count, plural, ...}` and `{name}` give count and name. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:[,}])/g)) names.add(m[1]!);
  return [...names].sort();
}

const enFlat = flatten(en as unknown as Tree);
const bnFlat = flatten(bn as unknown as Tree);

describe("translations", () => {
  it("have the same keys in English and Bengali", () => {
    const onlyEn = Object.keys(enFlat).filter((k) => !(k in bnFlat));
    const onlyBn = Object.keys(bnFlat).filter((k) => !(k in enFlat));
    expect({ onlyEn, onlyBn }).toEqual({ onlyEn: [], onlyBn: [] });
  });

  it("use the same placeholders in both languages", () => {
    const mismatched = Object.keys(enFlat)
      .filter((k) => k in bnFlat)
      .filter((k) => placeholders(enFlat[k]!).join() !== placeholders(bnFlat[k]!).join());
    expect(mismatched).toEqual([]);
  });

  it("has no empty message", () => {
    expect(Object.entries({ ...enFlat }).filter(([, v]) => v.trim() === "").map(([k]) => `en.${k}`)).toEqual([]);
    expect(Object.entries({ ...bnFlat }).filter(([, v]) => v.trim() === "").map(([k]) => `bn.${k}`)).toEqual([]);
  });

  it("catches a missing key (the check itself can fail)", () => {
    const broken = flatten({ a: { b: "x", c: "y" } });
    const other = flatten({ a: { b: "x" } });
    expect(Object.keys(broken).filter((k) => !(k in other))).toEqual(["a.c"]);
  });
});
