// The 61 SOC 2 Trust Services Criteria (2017, points of focus revised 2022). Titles are
// Trustboard's own short paraphrases (the AICPA text is copyrighted); the requirement text
// of the 15 criteria quoted in the controls-mapping seed is in requirements.ts.
import type { CriterionCategory } from "@/lib/generated/prisma/enums";
import { REQUIREMENTS } from "./requirements";

export interface CatalogCriterion {
  id: string;
  category: CriterionCategory;
  series: string;
  title: string;
  requirement: string | null;
}

export { CATEGORY_LABELS } from "./labels";

export const ALWAYS_IN_SCOPE: CriterionCategory = "security";

const SERIES: Record<string, string> = {
  CC1: "Control environment",
  CC2: "Communication and information",
  CC3: "Risk assessment",
  CC4: "Monitoring activities",
  CC5: "Control activities",
  CC6: "Logical and physical access",
  CC7: "System operations",
  CC8: "Change management",
  CC9: "Risk mitigation",
  A1: "Additional criteria for availability",
  C1: "Additional criteria for confidentiality",
  PI1: "Additional criteria for processing integrity",
  P1: "Notice",
  P2: "Choice and consent",
  P3: "Collection",
  P4: "Use, retention and disposal",
  P5: "Access",
  P6: "Disclosure and notification",
  P7: "Quality",
  P8: "Monitoring and enforcement",
};

const TITLES: [string, string][] = [
  ["CC1.1", "Commitment to integrity and ethical values"],
  ["CC1.2", "Board independence and oversight of internal control"],
  ["CC1.3", "Structures, reporting lines and authorities"],
  ["CC1.4", "Attracting, developing and retaining competent people"],
  ["CC1.5", "Accountability for internal control responsibilities"],
  ["CC2.1", "Quality information to support internal control"],
  ["CC2.2", "Internal communication of control objectives and responsibilities"],
  ["CC2.3", "Communication with external parties"],
  ["CC3.1", "Objectives specified clearly enough to identify risks"],
  ["CC3.2", "Identification and analysis of risks"],
  ["CC3.3", "Consideration of fraud risk"],
  ["CC3.4", "Identification of changes that affect internal control"],
  ["CC4.1", "Ongoing and separate evaluations of controls"],
  ["CC4.2", "Communication of control deficiencies"],
  ["CC5.1", "Control activities that mitigate risks"],
  ["CC5.2", "General controls over technology"],
  ["CC5.3", "Policies and procedures that put controls in place"],
  ["CC6.1", "Logical access security over protected assets"],
  ["CC6.2", "Registration and authorisation before issuing credentials"],
  ["CC6.3", "Role-based provisioning, change and removal of access"],
  ["CC6.4", "Restriction of physical access"],
  ["CC6.5", "Protection of assets at disposal"],
  ["CC6.6", "Protection against threats from outside system boundaries"],
  ["CC6.7", "Restriction of data transmission, movement and removal"],
  ["CC6.8", "Prevention and detection of unauthorised or malicious software"],
  ["CC7.1", "Detection of configuration changes and new vulnerabilities"],
  ["CC7.2", "Monitoring of system components for anomalies"],
  ["CC7.3", "Evaluation of security events"],
  ["CC7.4", "Response to security incidents"],
  ["CC7.5", "Recovery from security incidents"],
  ["CC8.1", "Authorised, tested and approved changes"],
  ["CC9.1", "Mitigation of business disruption risks"],
  ["CC9.2", "Management of vendor and business partner risk"],
  ["A1.1", "Capacity management to meet availability commitments"],
  ["A1.2", "Environmental protection, backup and recovery infrastructure"],
  ["A1.3", "Testing of recovery plan procedures"],
  ["C1.1", "Identification and protection of confidential information"],
  ["C1.2", "Disposal of confidential information"],
  ["PI1.1", "Quality information about processing objectives"],
  ["PI1.2", "Complete and accurate system inputs"],
  ["PI1.3", "Complete, accurate and timely processing"],
  ["PI1.4", "Complete, accurate and timely outputs"],
  ["PI1.5", "Complete and accurate storage of inputs and outputs"],
  ["P1.1", "Notice to data subjects about privacy practices"],
  ["P2.1", "Choice and consent for collection and use"],
  ["P3.1", "Collection limited to privacy objectives"],
  ["P3.2", "Explicit consent where required"],
  ["P4.1", "Use limited to the stated purposes"],
  ["P4.2", "Retention of personal information"],
  ["P4.3", "Secure disposal of personal information"],
  ["P5.1", "Access by data subjects to their information"],
  ["P5.2", "Correction of personal information"],
  ["P6.1", "Disclosure to third parties with consent"],
  ["P6.2", "Record of authorised disclosures"],
  ["P6.3", "Record of unauthorised disclosures"],
  ["P6.4", "Privacy commitments from vendors and third parties"],
  ["P6.5", "Notification of unauthorised disclosures by third parties"],
  ["P6.6", "Breach notification to affected data subjects"],
  ["P6.7", "Accounting of personal information held and disclosed"],
  ["P7.1", "Accurate, complete and relevant personal information"],
  ["P8.1", "Handling of privacy inquiries, complaints and disputes"],
];

export function seriesOf(id: string): string {
  return id.split(".")[0] ?? id;
}

export function categoryOf(id: string): CriterionCategory {
  if (id.startsWith("CC")) return "security";
  if (id.startsWith("A")) return "availability";
  if (id.startsWith("C")) return "confidentiality";
  if (id.startsWith("PI")) return "processing_integrity";
  return "privacy";
}

export const CRITERIA: CatalogCriterion[] = TITLES.map(([id, title]) => ({
  id,
  title,
  category: categoryOf(id),
  series: `${seriesOf(id)} ${SERIES[seriesOf(id)]}`,
  requirement: REQUIREMENTS[id] ?? null,
}));

export function inScope(
  category: CriterionCategory,
  categoriesInScope: readonly CriterionCategory[],
): boolean {
  return category === ALWAYS_IN_SCOPE || categoriesInScope.includes(category);
}
