import { describe, expect, it } from "vitest";
import { addDays, endOfIsoDay, isoDay } from "@/lib/dates";
import { newTokenSchema } from "../token-schemas";
import { runMetaFrom, uploadResultsSchema } from "./schemas";

const req = (query = "", headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1/api/v1/test-results${query}`, { method: "POST", headers });

describe("runMetaFrom", () => {
  it("prefers the multipart field, then the x-trustboard-* header, then the query string", () => {
    const form = new FormData();
    form.set("source", "from form");
    const r = req("?source=q&commit=q&branch=q", {
      "x-trustboard-source": "h",
      "x-trustboard-commit": "from header",
      "x-trustboard-ci-url": "https://ci.example.test/1",
    });
    expect(runMetaFrom(r, form)).toEqual({
      source: "from form",
      commit: "from header",
      branch: "q",
      ciUrl: "https://ci.example.test/1",
    });
    expect(runMetaFrom(req(), null)).toEqual({});
    expect(runMetaFrom(req("", { "x-trustboard-time-zone": "Europe/Berlin" }), null)).toEqual({
      timeZone: "Europe/Berlin",
    });
  });

  it.each([
    ["?ciUrl=javascript:alert(1)", {}, "ciUrl"],
    ["", { "x-trustboard-commit": "c".repeat(101) }, "commit"],
    [`?branch=${"b".repeat(201)}`, {}, "branch"],
    ["?timeZone=Mars/Olympus", {}, "timeZone"],
  ])("refuses %s %o as invalid, naming the field", (query, headers, field) => {
    expect(() => runMetaFrom(req(query, headers), null)).toThrow(
      expect.objectContaining({ code: "invalid", details: { field } }),
    );
    expect(() => runMetaFrom(req(query, headers), null)).toThrow(new RegExp(`^Invalid ${field}: `));
  });
});

describe("form schemas", () => {
  it("an upload needs a non-empty file; blank source and commit become null, long ones are cut", () => {
    const file = new File(["<testsuite/>"], "r.xml");
    expect(uploadResultsSchema.parse({ file, source: " ci ", commit: "x".repeat(150) })).toEqual({
      file,
      source: "ci",
      commit: "x".repeat(100),
    });
    expect(uploadResultsSchema.parse({ file, source: "  " }).source).toBeNull();
    expect(uploadResultsSchema.safeParse({ file: new File([], "e.xml") }).success).toBe(false);
    expect(uploadResultsSchema.safeParse({ file: "r.xml" }).success).toBe(false);
  });

  it("a token names its streams and expires at the end of its last day (a year when blank)", () => {
    const day = isoDay(addDays(new Date(), 40));
    expect(
      newTokenSchema.parse({ name: " ci ", scopes: "test-results", expires: day }),
    ).toMatchObject({
      name: "ci",
      scopes: ["test-results"],
      expires: endOfIsoDay(day),
      source: null,
      evidences: [],
    });
    expect(
      newTokenSchema.parse({
        name: "ci",
        scopes: ["audit-events", "findings"],
        expires: "",
        evidences: "CTL-004, cc6.1",
      }),
    ).toMatchObject({ expires: null, evidences: ["CTL-004", "cc6.1"] });
    expect(newTokenSchema.safeParse({ name: "ci", expires: "" }).success).toBe(false);
    expect(newTokenSchema.safeParse({ name: "ci", scopes: "ingest" }).success).toBe(false);
    expect(newTokenSchema.safeParse({ name: "", scopes: "findings" }).success).toBe(false);
    const past = isoDay(addDays(new Date(), -1));
    expect(
      newTokenSchema.safeParse({ name: "ci", scopes: "findings", expires: past }).success,
    ).toBe(false);
    expect(
      newTokenSchema.safeParse({ name: "ci", scopes: "findings", expires: "31/01/2030" }).success,
    ).toBe(false);
    expect(
      newTokenSchema.safeParse({ name: "ci", scopes: "findings", evidences: "everything" }).success,
    ).toBe(false);
  });
});
