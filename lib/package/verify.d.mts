// Types of verify.mjs, the dependency-free script shipped inside every package.
export interface VerifyReport {
  ok: boolean;
  problems: string[];
  warnings: string[];
  files: number;
  activityRows: number;
  fingerprint: string | null;
}
export function canonicalJson(value: unknown): string;
export function activityRowHash(row: Record<string, unknown>): string;
export function keyFingerprint(publicKeyPem: string): string;
export function verifyPackage(
  dir: string,
  options?: { fingerprint?: string },
): Promise<VerifyReport>;
