import { describe, expect, it } from "vitest";
import { createFormatter, createTranslator } from "next-intl";
import { en } from "@/messages/en";
import { bn } from "@/messages/bn";
import { describeProblem } from "./problem-text";

function words(locale: "en" | "bn") {
  const messages = locale === "bn" ? bn : en;
  return [createTranslator({ locale, messages, namespace: "importer" }), createFormatter({ locale, timeZone: "Asia/Dhaka" })] as const;
}

describe("import problem lines", () => {
  it("speak English in English, with the line and column first", () => {
    const [t, f] = words("en");
    expect(describeProblem({ line: 7, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' }, t, f)).toBe(
      'line 7, column rhythm: "weekly" is not allowed here: write one of none, sporadic, or scheduled.',
    );
    expect(describeProblem({ index: 2, column: "automated_share", message: 'expected a number from 0 to 1, got "150"' }, t, f)).toContain("0.5 for half");
  });

  it("speak Bengali in Bengali, with Bengali digits, keeping the file's own values", () => {
    const [t, f] = words("bn");
    const rhythm = describeProblem({ line: 7, column: "rhythm", message: 'expected none, sporadic or scheduled, got "weekly"' }, t, f);
    expect(rhythm).toBe('লাইন ৭, কলাম rhythm: "weekly" এখানে চলবে না। এগুলোর একটি লিখুন: none, sporadic, বা scheduled।');
    const posts = describeProblem({ line: 12, column: "posts_last_30d", message: 'expected a whole number from 0 to 10000, got "-1"' }, t, f);
    expect(posts).toContain("০ থেকে ১০,০০০-এর মধ্যে");
    const future = describeProblem({ line: 3, column: "date", message: "date 2027-01-01 is in the future (today is 2026-03-02)" }, t, f);
    expect(future).toContain("2027-01-01 তারিখটি ভবিষ্যতের (আজ ২ মার্চ, ২০২৬)");
    const client = describeProblem({ index: 0, column: "client", message: `new client "Harbor Bikes" needs a lead consultant: choose one` }, t, f);
    expect(client).toBe("ক্রম ০, কলাম client: নতুন ক্লায়েন্ট “Harbor Bikes”-এর জন্য একজন প্রধান কনসালট্যান্ট লাগবে: নিচে থেকে বেছে নিন।");
    expect(describeProblem({ column: null, message: "empty file: expected a header row" }, t, f)).not.toMatch(/[A-Za-z]/);
  });

  it("fall back to the server's words for a message they do not know", () => {
    const [t, f] = words("bn");
    expect(describeProblem({ line: 2, column: null, message: "something new" }, t, f)).toBe("লাইন ২: something new");
  });
});
