import { describe, expect, it } from "vitest";
import { redactSecrets, scanForSecrets } from "./secret-scan";

describe("secret scanner", () => {
  it.each([
    [
      "database-url",
      'export NEON_PG_CONN="postgresql://neondb_owner:npg_Q2xv9Lk3mPz@db.example.internal/neondb?sslmode=require"',
    ],
    [
      "private-key",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7Yx\n-----END RSA PRIVATE KEY-----",
    ],
    [
      "private-key",
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
    ],
    ["cloud-key", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"],
    [
      "jwt",
      "token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ],
    ["bearer-token", "curl -H 'Authorization: Bearer abcdef0123456789ABCDEFxyz'"],
    ["password-assignment", "DB_PASSWORD=S3cr3t-Passw0rd!"],
    ["password-assignment", '{"password": "hunter2hunter2"}'],
  ])("finds a %s", (kind, text) => {
    const findings = scanForSecrets(text);
    expect(findings.map((f) => f.kind)).toContain(kind);
    expect(redactSecrets(text)).toContain("[REDACTED]");
  });

  it("never puts the secret itself in a finding", () => {
    const [f] = scanForSecrets("postgresql://owner:VerySecretValue123@host/db");
    expect(f).toMatchObject({ kind: "database-url", line: 1 });
    expect(f?.preview).not.toContain("VerySecretValue123");
  });

  it("reports the line of each finding", () => {
    const findings = scanForSecrets("ok\nok\npassword = 'letmein-now'\n");
    expect(findings).toEqual([
      { kind: "password-assignment", line: 3, preview: expect.any(String) },
    ]);
  });

  it.each([
    'export NEON_PG_CONN="postgresql://neondb_owner:REDACTED@db.example.internal/neondb?sslmode=require"',
    "password = os.environ['DB_PASSWORD']",
    "password: ${DB_PASSWORD}",
    "Passwords hashed with Argon2",
    "- Passwords never logged",
    "PASSWORD_HASHERS = ['django.contrib.auth.hashers.Argon2PasswordHasher']",
    "postgresql://localhost:5432/trustboard",
  ])("leaves harmless text alone: %s", (text) => {
    expect(scanForSecrets(text)).toEqual([]);
  });

  it("redacts only the secret and keeps the rest", () => {
    expect(redactSecrets("url=postgresql://app:pa55word-x@db/app ok")).toBe(
      "url=postgresql://app:[REDACTED]@db/app ok",
    );
  });
});
