// Where the tests' fixture files live: test-fixtures/ at the repository root, in the repository
// itself (see test-fixtures/SOURCES.md for where each file comes from). Vitest's module runner
// sets import.meta.dirname for every module it loads.
import path from "node:path";

/** Test-result files (JUnit XML, CTRF JSON) written by real tools, one folder per tool. */
export const TEST_RESULT_FIXTURES = path.resolve(
  import.meta.dirname,
  "../../test-fixtures/test-results",
);

/** SARIF logs written by public scanners (CodeQL, Semgrep, Trivy). */
export const SARIF_FIXTURES = path.resolve(import.meta.dirname, "../../test-fixtures/sarif");

/** A small repository with SQL in Rust, TypeScript, Python, Go and .sql files. */
export const CODE_AUDIT_REPO = path.resolve(
  import.meta.dirname,
  "../../test-fixtures/code-audit/repo",
);
