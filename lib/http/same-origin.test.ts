import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/export/controls", { method: "POST", headers });

describe("crossSiteRefusal", () => {
  it("accepts a POST whose Origin names the host it was sent to", () => {
    expect(crossSiteRefusal(post({ origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(
      crossSiteRefusal(post({ origin: "https://trust.example", host: "trust.example" })),
    ).toBeNull();
    expect(
      crossSiteRefusal(
        post({
          origin: "https://trust.example",
          host: "10.0.0.5:3000",
          "x-forwarded-host": "trust.example",
        }),
      ),
    ).toBeNull();
  });

  it("refuses a missing, opaque, malformed or foreign Origin", () => {
    expect(crossSiteRefusal(post({}))).toMatch(/no Origin header/);
    expect(crossSiteRefusal(post({ origin: "null" }))).toMatch(/no Origin header/);
    expect(crossSiteRefusal(post({ origin: "not a url" }))).toMatch(/not a URL/);
    expect(crossSiteRefusal(post({ origin: "https://evil.example" }))).toMatch(
      /not from https:\/\/evil\.example/,
    );
    expect(
      crossSiteRefusal(post({ origin: "http://127.0.0.1:3001", host: "127.0.0.1:3000" })),
    ).toMatch(/not from/);
  });
});
