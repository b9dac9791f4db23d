import { describe, expect, it } from "vitest";
import { parseTestResults, parseTestResultsYielding } from "./parse";

// A file of about 1 MB: several slices of 128 KB, cut inside suites, messages and attributes.
function junit(): string {
  const parts = [`<?xml version="1.0"?><testsuites>`];
  for (let s = 0; s < 60; s++) {
    parts.push(
      `<testsuite name="s${s}" timestamp="2026-01-02T03:04:05"><properties><property name="soc2" value="CC6.1"/></properties>`,
    );
    for (let i = 0; i < 100; i++)
      parts.push(
        `<testcase classname="pkg.S${s}" name="t ${i} — ünïcödé 😀" time="0.5">${i % 7 === 0 ? `<failure message="m${i}">${"x".repeat(i * 10)}</failure><skipped/>` : ""}</testcase>`,
      );
    parts.push("</testsuite>");
  }
  return parts.join("\n") + "</testsuites>";
}

describe("parseTestResultsYielding", () => {
  it("reads a file in slices exactly as the one-piece parse does", async () => {
    const xml = junit();
    expect(xml.length).toBeGreaterThan(3 * 128 * 1024);
    const opts = { timeZone: "Europe/Paris" };
    expect(await parseTestResultsYielding(xml, opts)).toEqual(parseTestResults(xml, opts));
  });

  it("refuses what the one-piece parse refuses, with the same message", async () => {
    const bad = junit().replace("</testsuite>", "</testcase>");
    expect(() => parseTestResults(bad)).toThrow(/Not well-formed XML/);
    await expect(parseTestResultsYielding(bad)).rejects.toThrow(/Not well-formed XML/);
    await expect(parseTestResultsYielding("")).rejects.toThrow(/empty/);
    await expect(parseTestResultsYielding('{"results": 1}')).rejects.toThrow();
  });
});
