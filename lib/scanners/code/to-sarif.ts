// The audit's findings as SARIF 2.1.0, for code-scanning tools (and Trustboard's own SARIF
// upload). What could not be analysed is not a result but a tool notification, as SARIF has it.
import { CODE_CHECKS, type CodeAuditReport, type CodeCheck } from "./audit";

export const CODE_AUDIT_TOOL = "Trustboard code query audit";
const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

export function codeAuditSarif(report: CodeAuditReport) {
  const checks = Object.keys(CODE_CHECKS) as CodeCheck[];
  return {
    $schema: SCHEMA,
    version: "2.1.0" as const,
    runs: [
      {
        tool: {
          driver: {
            name: CODE_AUDIT_TOOL,
            rules: checks.map((id) => ({
              id,
              name: id,
              shortDescription: { text: CODE_CHECKS[id] },
              defaultConfiguration: { level: "warning" },
              properties: { tags: ["security", "tenant-isolation"] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.notAnalysed.map((n) => ({
              level: "note",
              message: { text: `Not analysed (${n.via}): ${n.reason}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: n.file, uriBaseId: "%SRCROOT%" },
                    region: { startLine: n.line },
                  },
                },
              ],
            })),
          },
        ],
        results: report.findings.map((f) => ({
          ruleId: f.check,
          ruleIndex: checks.indexOf(f.check),
          level: "warning",
          message: {
            text:
              f.check === "insert_without_tenant"
                ? `INSERT into tenant-scoped table ${f.table} without its tenant column: ${f.sql}`
                : `${f.verb} on tenant-scoped table ${f.table} without a tenant predicate: ${f.sql}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file, uriBaseId: "%SRCROOT%" },
                region: { startLine: f.line },
              },
            },
          ],
          partialFingerprints: { "trustboardStatement/v1": f.hash },
        })),
      },
    ],
  };
}
