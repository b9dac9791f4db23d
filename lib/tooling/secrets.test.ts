import { chmodSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SecretFileError, persistentSecret } from "./secrets";

const fresh = () => path.join(mkdtempSync(path.join(os.tmpdir(), "tb-secrets-")), "data");
const mode = (p: string) => statSync(p).mode & 0o777;

describe("generated secrets at rest", () => {
  it("creates the data directory 0700 and the key file 0600, and keeps the key", () => {
    const dir = fresh();
    const key = persistentSecret(dir, "secret-key");
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "secret-key"))).toBe(0o600);
    expect(persistentSecret(dir, "secret-key")).toBe(key);
  });

  it("tightens a readable directory and key file", () => {
    const dir = fresh();
    persistentSecret(dir, "secret-key");
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, "secret-key"), 0o644);
    persistentSecret(dir, "secret-key");
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, "secret-key"))).toBe(0o600);
  });

  it("refuses a too short key file instead of replacing it", () => {
    const dir = fresh();
    persistentSecret(dir, "auth-secret");
    writeFileSync(path.join(dir, "secret-key"), "short\n", { mode: 0o600 });
    expect(() => persistentSecret(dir, "secret-key")).toThrow(SecretFileError);
    expect(() => persistentSecret(dir, "secret-key")).toThrow(/fewer than 32 characters/);
  });
});
