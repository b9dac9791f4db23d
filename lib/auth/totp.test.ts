import { describe, expect, it } from "vitest";
import { generate } from "otplib";
import { TOTP_PERIOD, newTotpSecret, normalizeTotpCode, totpUri, verifyTotp } from "./totp";

// Relative to the real clock (the suites also run 400 days ahead), aligned to a step start.
const stepStart = (d: Date) => Math.floor(d.getTime() / 1000 / TOTP_PERIOD) * TOTP_PERIOD;
const now = new Date((stepStart(new Date()) + 10) * 1000);
const at = (secondsFromNow: number) => Math.floor(now.getTime() / 1000) + secondsFromNow;
const codeAt = (secret: string, epoch: number) => generate({ secret, epoch });

describe("verifyTotp", () => {
  const secret = newTotpSecret();

  it("accepts the current code and returns its time step", async () => {
    const step = await verifyTotp(secret, await codeAt(secret, at(0)), now, null);
    expect(step).toBe(Math.floor(at(0) / TOTP_PERIOD));
  });

  it("accepts the previous and the next step (clock drift), nothing further", async () => {
    expect(await verifyTotp(secret, await codeAt(secret, at(-TOTP_PERIOD)), now, null)).not.toBe(
      null,
    );
    expect(await verifyTotp(secret, await codeAt(secret, at(TOTP_PERIOD)), now, null)).not.toBe(
      null,
    );
    expect(await verifyTotp(secret, await codeAt(secret, at(-2 * TOTP_PERIOD)), now, null)).toBe(
      null,
    );
    expect(await verifyTotp(secret, await codeAt(secret, at(2 * TOTP_PERIOD)), now, null)).toBe(
      null,
    );
  });

  it("refuses a code at or before the last accepted step (replay)", async () => {
    const code = await codeAt(secret, at(0));
    const step = await verifyTotp(secret, code, now, null);
    expect(step).not.toBe(null);
    expect(await verifyTotp(secret, code, now, step)).toBe(null);
    const next = await codeAt(secret, at(TOTP_PERIOD));
    expect(await verifyTotp(secret, next, now, step)).toBe((step ?? 0) + 1);
  });

  it("refuses another secret's code and malformed input", async () => {
    const other = newTotpSecret();
    const code = await codeAt(other, at(0));
    // A one-in-a-million collision would make this flaky; compare against the real code.
    if (code !== (await codeAt(secret, at(0))))
      expect(await verifyTotp(secret, code, now, null)).toBe(null);
    expect(await verifyTotp(secret, "12345", now, null)).toBe(null);
    expect(await verifyTotp(secret, "abcdef", now, null)).toBe(null);
  });

  it("reads codes typed with a space or dash", async () => {
    const code = await codeAt(secret, at(0));
    expect(normalizeTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
    expect(await verifyTotp(secret, `${code.slice(0, 3)}-${code.slice(3)}`, now, null)).not.toBe(
      null,
    );
  });

  it("builds an otpauth URI an authenticator app can scan", () => {
    const uri = totpUri("a@example.com", secret);
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Trustboard");
  });
});
