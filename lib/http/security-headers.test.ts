import { describe, expect, it } from "vitest";
import { API_POLICY, hstsSeconds, withApiSecurityHeaders } from "./security-headers";

describe("withApiSecurityHeaders (the token API, outside the proxy)", () => {
  it("sets the API policy and keeps the answer's status, headers and body", async () => {
    const res = withApiSecurityHeaders(
      new Request("http://127.0.0.1/api/v1/audit-events", { method: "POST" }),
      Response.json({ stored: 2 }, { status: 201, headers: { "X-Extra": "kept" } }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("content-security-policy")).toBe(API_POLICY);
    expect(res.headers.get("x-extra")).toBe("kept");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(await res.json()).toEqual({ stored: 2 });
  });

  it("adds HSTS only over HTTPS, directly or behind a TLS-terminating proxy", () => {
    const direct = withApiSecurityHeaders(
      new Request("https://tb.example/api/v1/findings"),
      new Response(null, { status: 401 }),
    );
    expect(direct.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    const forwarded = withApiSecurityHeaders(
      new Request("http://127.0.0.1/api/v1/findings", {
        headers: { "X-Forwarded-Proto": "https" },
      }),
      new Response(null, { status: 401 }),
    );
    expect(forwarded.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });
});

describe("hstsSeconds", () => {
  it("is a year unless a whole number of seconds is given", () => {
    expect(hstsSeconds(undefined)).toBe(31_536_000);
    expect(hstsSeconds(" ")).toBe(31_536_000);
    expect(hstsSeconds("1.5")).toBe(31_536_000);
    expect(hstsSeconds("0")).toBe(0);
    expect(hstsSeconds("600")).toBe(600);
  });
});
