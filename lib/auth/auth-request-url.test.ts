import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { headerOrigin, withHeaderOrigin } from "./auth-request-url";

const callback = "/api/auth/callback/oidc?code=abc&state=xyz";

describe("auth route origin", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the origin from the forwarded headers, else the Host header", () => {
    const forwarded = new Headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "trust.example.com",
      "x-forwarded-proto": "https",
    });
    expect(headerOrigin(forwarded, "http:")).toBe("https://trust.example.com");
    expect(headerOrigin(new Headers({ host: "127.0.0.1:3102" }), "http:")).toBe(
      "http://127.0.0.1:3102",
    );
    expect(headerOrigin(new Headers(), "http:")).toBeNull();
  });

  it("rewrites the callback request to the sign-in's origin, keeping path and query", () => {
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("NEXTAUTH_URL", "");
    const request = new NextRequest(`http://localhost:3102${callback}`, {
      headers: { host: "127.0.0.1:3102", "x-forwarded-proto": "http" },
    });
    expect(withHeaderOrigin(request).url).toBe(`http://127.0.0.1:3102${callback}`);
  });

  it("leaves the request alone when AUTH_URL decides the origin", () => {
    vi.stubEnv("AUTH_URL", "https://trust.example.com");
    const request = new NextRequest(`http://localhost:3102${callback}`, {
      headers: { host: "127.0.0.1:3102" },
    });
    expect(withHeaderOrigin(request)).toBe(request);
  });
});
