/**
 * A generated JUnit file of `n` cases in suites of 100, each suite tagged with a criterion
 * (`soc2` property) and about one case in 97 failing (`seed` shifts which). The bench ingests
 * these; the server rehearses ingesting a few at start (warm-up.ts).
 */
export function sampleJUnit(n: number, seed: number): string {
  const parts = [`<?xml version="1.0"?><testsuites>`];
  for (let s = 0; s < n / 100; s++) {
    parts.push(
      `<testsuite name="suite${s}" tests="100"><properties><property name="soc2" value="CC${6 + (s % 3)}.${1 + (s % 3)}"/></properties>`,
    );
    for (let i = 0; i < 100; i++) {
      const fail = (s * 100 + i + seed) % 97 === 0;
      parts.push(
        `<testcase classname="pkg.Suite${s}" name="test_${s}_${i}" time="0.01">${fail ? `<failure message="expected true">AssertionError at line ${i}</failure>` : ""}</testcase>`,
      );
    }
    parts.push("</testsuite>");
  }
  parts.push("</testsuites>");
  return parts.join("\n");
}
