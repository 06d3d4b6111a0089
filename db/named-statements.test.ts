import { describe, expect, it } from "vitest";
import { MAX_PARAMETERS, explainNameTrouble, nameStatements, statementName } from "./named-statements";

interface Sent {
  config: unknown;
  values: unknown;
}

function fakeClient() {
  const sent: Sent[] = [];
  const client = {
    query(config: unknown, values?: unknown) {
      sent.push({ config, values });
      return Promise.resolve({ rows: [] });
    },
  };
  return { client, sent };
}

const nameOf = (s: Sent) => (typeof s.config === "object" && s.config ? (s.config as { name?: string }).name : undefined);

describe("nameStatements", () => {
  it("names a statement with parameters after its text, the same name every time", async () => {
    const { client, sent } = fakeClient();
    nameStatements(client);
    await client.query({ text: "select $1::int", rowMode: "array" }, [1]);
    await client.query({ text: "select $1::int", rowMode: "array" }, [2]);
    await client.query("select $1::text", ["a"]);
    expect(nameOf(sent[0]!)).toBe(statementName("select $1::int"));
    expect(nameOf(sent[1]!)).toBe(nameOf(sent[0]!));
    // The rest of the config is kept, and the values still travel beside it.
    expect(sent[0]!.config).toMatchObject({ text: "select $1::int", rowMode: "array" });
    expect(sent[1]!.values).toEqual([2]);
    // A bare text with values becomes a config with its name.
    expect(sent[2]!.config).toEqual({ text: "select $1::text", name: statementName("select $1::text") });
  });

  it("leaves alone what has no parameters, and a name given by the caller", async () => {
    const { client, sent } = fakeClient();
    nameStatements(client);
    await client.query("begin");
    await client.query({ text: "select 1" });
    await client.query({ text: "select $1::int", values: [] });
    await client.query({ text: "select $1::int", name: "mine" }, [1]);
    expect(sent.map((s) => s.config)).toEqual(["begin", { text: "select 1" }, { text: "select $1::int", values: [] }, { text: "select $1::int", name: "mine" }]);
  });

  it("names values given inside the config too", async () => {
    const { client, sent } = fakeClient();
    nameStatements(client);
    await client.query({ text: "select $1::int", values: [1] });
    expect(nameOf(sent[0]!)).toBe(statementName("select $1::int"));
  });

  it("names at most `max` texts per connection, and keeps naming those", async () => {
    const { client, sent } = fakeClient();
    nameStatements(client, 2);
    for (const t of ["a", "b", "c", "a", "b", "c"]) await client.query(`select $1::text as ${t}`, [t]);
    expect(sent.map((s) => nameOf(s) !== undefined)).toEqual([true, true, false, true, true, false]);
  });

  it("gives PostgreSQL a name it keeps whole (at most 63 bytes), different for different texts", () => {
    const a = statementName("select $1::int");
    expect(a).toMatch(/^sl_[A-Za-z0-9_-]+$/);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63);
    expect(statementName("select $1::bigint")).not.toBe(a);
  });
});

describe("explainNameTrouble", () => {
  it("tells what to do when the server lost or doubled a name, and leaves other errors alone", async () => {
    const lost = Object.assign(new Error('prepared statement "sl_x" does not exist'), { code: "26000" });
    const client = { query: (_config?: unknown, _values?: unknown) => Promise.reject(lost) };
    nameStatements(client);
    await expect(client.query("select $1::int", [1])).rejects.toThrow(/DATABASE_NAMED_STATEMENTS=off/);
    const other = Object.assign(new Error("division by zero"), { code: "22012" });
    expect(explainNameTrouble(other)).toBe(other);
    expect((other as Error).message).toBe("division by zero");
  });
});

describe("a submittable", () => {
  it("passes through as itself (a pg-cursor must keep its prototype)", async () => {
    const { client, sent } = fakeClient();
    nameStatements(client);
    class Cursor {
      text = "select $1::int";
      values = [1];
      submit() {}
    }
    const cursor = new Cursor();
    await client.query(cursor);
    expect(sent[0]!.config).toBe(cursor);
  });
});

describe("a bulk statement", () => {
  it(`goes unnamed past ${MAX_PARAMETERS} parameters`, async () => {
    const { client, sent } = fakeClient();
    nameStatements(client);
    const values = (n: number) => Array.from({ length: n }, (_, i) => i);
    const text = (n: number) => `select ${values(n).map((i) => `$${i + 1}::int`).join(", ")}`;
    await client.query(text(MAX_PARAMETERS), values(MAX_PARAMETERS));
    await client.query(text(MAX_PARAMETERS + 1), values(MAX_PARAMETERS + 1));
    expect(sent.map((s) => nameOf(s) !== undefined)).toEqual([true, false]);
  });
});
