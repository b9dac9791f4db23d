// Requirement text as quoted in the SOC 2 controls-mapping seed (shared/seeds/003_*), for the
// 15 criteria it covers. The seed is the source of truth for the demo workspace; its wording
// for CC6.6–CC6.8 follows the seed, not the AICPA numbering of those topics.
export const REQUIREMENTS: Record<string, string> = {
  "CC6.1":
    "The entity implements logical access security software, infrastructure, and architectures over protected information assets to protect them from security events to meet the entity's objectives.",
  "CC6.2":
    "Prior to issuing system credentials and granting system access, the entity registers and authorizes new internal and external users whose access is administered by the entity.",
  "CC6.3":
    "The entity authorizes, modifies, or removes access to data, software, functions, and other protected information assets based on roles, responsibilities, or the system design and changes.",
  "CC6.6":
    "The entity removes system access when an internal or external user's assignment changes or terminates.",
  "CC6.7":
    "The entity restricts physical and logical access to backup data to authorized personnel.",
  "CC6.8": "The entity's security program includes data classification and handling requirements.",
  "CC7.2":
    "The entity monitors system components and the operation of those components for anomalies that are indicative of malicious acts, natural disasters, and errors affecting the entity's ability to meet its objectives.",
  "CC7.3":
    "The entity evaluates security events to determine whether security policies and procedures have been circumvented or whether corrective action is required.",
  "CC7.4":
    "The entity responds to security incidents by executing a defined incident response program.",
  "CC8.1":
    "The entity authorizes, designs, develops or acquires, configures, documents, tests, approves, and implements changes to infrastructure, data, software, and procedures to meet its objectives.",
  "A1.2":
    "The entity authorizes, designs, develops, implements, operates, approves, maintains, and monitors environmental protections, software, data backup processes, and recovery infrastructure to meet its objectives.",
  "PI1.1":
    "The entity obtains or generates data and implements policies and procedures to reasonably ensure data quality.",
  "PI1.4":
    "The entity implements policies and procedures to make available or deliver output completely, accurately, and timely in accordance with specifications to meet the entity's objectives.",
  "C1.1":
    "The entity identifies and maintains confidential information to meet the entity's objectives related to confidentiality.",
  "C1.2":
    "The entity disposes of confidential information to meet the entity's objectives related to confidentiality.",
};
