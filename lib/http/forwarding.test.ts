import { describe, expect, it } from "vitest";
import { actionBodyProblem, normaliseForwarding, trustProxyFromEnv } from "./forwarding.mjs";
import { clientIp } from "../api/rate-limit";

const spoofed = () => ({
  headers: { host: "app.example", "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", "x-real-ip": "7.7.7.7" } as Record<string, string | undefined>,
  socket: { remoteAddress: "203.0.113.9" },
});
const asRequest = (h: Record<string, string | undefined>) => new Request("http://app.example/", { headers: h as Record<string, string> });

describe("forwarded headers", () => {
  it("without TRUST_PROXY, the socket's address counts and a spoofed host is dropped", () => {
    const req = spoofed();
    normaliseForwarding(req, false);
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-real-ip"]).toBeUndefined();
    expect(clientIp(asRequest(req.headers))).toBe("203.0.113.9");
  });

  it("with TRUST_PROXY, the address the proxy appended counts, not one the client wrote before it", () => {
    const req = spoofed();
    req.headers["x-forwarded-for"] = "6.6.6.6, 198.51.100.4";
    normaliseForwarding(req, true);
    expect(req.headers["x-forwarded-host"]).toBe("evil.example");
    expect(clientIp(asRequest(req.headers))).toBe("198.51.100.4");
  });

  it("reads TRUST_PROXY as a yes/no switch", () => {
    expect(trustProxyFromEnv("1")).toBe(true);
    expect(trustProxyFromEnv("true")).toBe(true);
    expect(trustProxyFromEnv("")).toBe(false);
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv("0")).toBe(false);
  });
});

describe("server action bodies", () => {
  const action = (headers: Record<string, string>) => ({ method: "POST", headers: { "next-action": "abc", ...headers } });
  it("past Next's 1 MB limit get a 413 with words, not Next's 500", () => {
    expect(actionBodyProblem(action({ "content-length": String(2 * 1024 * 1024) }))).toMatchObject({ status: 413, message: expect.stringContaining("1 MB") });
    expect(actionBodyProblem(action({ "content-length": "1000" }))).toBeNull();
  });
  it("without a declared length get a 411; other requests pass untouched", () => {
    expect(actionBodyProblem(action({}))).toMatchObject({ status: 411 });
    expect(actionBodyProblem({ method: "POST", headers: {} })).toBeNull();
    expect(actionBodyProblem({ method: "GET", headers: { "next-action": "abc" } })).toBeNull();
  });
});
