// The hostile JUnit file of issue 10, shared by the lean bench child and the server lane. No
// imports: the child measures its own RSS from its first line on.

/** 20,000 properties on one suite, 20,000 cases under it (about 1.2 MB). */
export function hostileJunit(): string {
  const props = Array.from(
    { length: 20_000 },
    (_, i) => `<property name="p${i}" value="${i}"/>`,
  ).join("");
  const cases = Array.from({ length: 20_000 }, (_, i) => `<testcase name="t${i}"/>`).join("");
  return `<testsuites><testsuite name="s"><properties>${props}</properties>${cases}</testsuite></testsuites>`;
}
