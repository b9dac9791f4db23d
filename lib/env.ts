// Environment variables, validated once. A bad value is an error naming the variable.
import path from "node:path";
import { z } from "zod";
import { isTimeZone } from "./collectors/test-results/time-zone";
import { OIDC_ENV_SHAPE, oidcIncomplete } from "./auth/oidc-env";

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z
  .object({
    DATABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "must start with postgresql:// (leave it unset for the embedded database)",
    }),
    TRUSTBOARD_DATA_DIR: optionalNonEmpty,
    AUTH_SECRET: optionalNonEmpty.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (leave it unset to have one generated)",
    }),
    TRUSTBOARD_SECRET_KEY: optionalNonEmpty.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters (leave it unset to have one generated)",
    }),
    TRUSTBOARD_ADMIN_EMAIL: optionalNonEmpty.refine(
      (v) => v === undefined || z.email().safeParse(v).success,
      {
        message: "must be an email address",
      },
    ),
    TRUSTBOARD_ADMIN_PASSWORD: optionalNonEmpty.refine((v) => v === undefined || v.length >= 12, {
      message: "must be at least 12 characters",
    }),
    TRUSTBOARD_SESSION_HOURS: optionalNonEmpty
      .transform((v) => (v === undefined ? 8 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 72, {
        message: "must be a whole number of hours from 1 to 72",
      }),
    PORT: optionalNonEmpty
      .transform((v) => (v === undefined ? 3000 : Number(v)))
      .refine((n) => Number.isInteger(n) && n > 0 && n < 65536, {
        message: "must be a TCP port number",
      }),
    HOST: optionalNonEmpty.transform((v) => v ?? "127.0.0.1"),
    TRUSTBOARD_RESULTS_ROOTS: optionalNonEmpty
      .transform((v) =>
        v
          ? v
              .split(":")
              .map((p) => p.trim())
              .filter(Boolean)
          : [],
      )
      .refine((roots) => roots.every((r) => r.startsWith("/")), {
        message: "must be a colon-separated list of absolute directories",
      }),
    // "source=Zone,…": the zone of each result source's zone-less JUnit timestamps (default UTC).
    TRUSTBOARD_RESULTS_TIME_ZONES: optionalNonEmpty
      .transform((v) =>
        Object.fromEntries(
          (v ?? "")
            .split(",")
            .map((pair) => pair.split("=").map((p) => p.trim()))
            .filter((pair) => pair.length > 1 || pair[0] !== ""),
        ),
      )
      .refine(
        (zones) =>
          Object.entries(zones).every(
            ([source, zone]) => source !== "" && typeof zone === "string" && isTimeZone(zone),
          ),
        { message: "must be a comma-separated list of source=Zone pairs with IANA zone names" },
      ),
    TRUSTBOARD_HSTS_SECONDS: optionalNonEmpty
      .transform((v) => (v === undefined ? 31_536_000 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 0, {
        message: "must be a whole number of seconds (0 turns HSTS off)",
      }),
    TRUSTBOARD_PULL_MINUTES: optionalNonEmpty
      .transform((v) => (v === undefined ? 15 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 0 && n <= 1440, {
        message: "must be a whole number of minutes from 0 (off) to 1440",
      }),
    // Posture scans of the configured databases: each scan is evidence, so daily by default.
    TRUSTBOARD_SCAN_MINUTES: optionalNonEmpty
      .transform((v) => (v === undefined ? 1440 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 0 && n <= 10080, {
        message: "must be a whole number of minutes from 0 (off) to 10080 (a week)",
      }),
    // Identity: where links point, how long they last, and optional e-mail delivery.
    TRUSTBOARD_PUBLIC_URL: optionalNonEmpty.refine(
      (v) => v === undefined || /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(v),
      { message: "must be an http:// or https:// address, e.g. https://trustboard.example.com" },
    ),
    TRUSTBOARD_INVITATION_HOURS: optionalNonEmpty
      .transform((v) => (v === undefined ? 72 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 720, {
        message: "must be a whole number of hours from 1 to 720",
      }),
    TRUSTBOARD_RESET_HOURS: optionalNonEmpty
      .transform((v) => (v === undefined ? 24 : Number(v)))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 168, {
        message: "must be a whole number of hours from 1 to 168",
      }),
    SMTP_URL: optionalNonEmpty.refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), {
      message: "must be an smtp:// or smtps:// address, e.g. smtp://user:pass@mail.internal:587",
    }),
    SMTP_FROM: optionalNonEmpty.refine((v) => v === undefined || z.email().safeParse(v).success, {
      message: "must be an email address",
    }),
    ...OIDC_ENV_SHAPE,
  })
  .refine((e) => !oidcIncomplete(e), {
    message:
      "set TRUSTBOARD_OIDC_ISSUER, TRUSTBOARD_OIDC_CLIENT_ID and TRUSTBOARD_OIDC_CLIENT_SECRET together, or none",
    path: ["TRUSTBOARD_OIDC_ISSUER"],
  })
  .refine(
    (e) => (e.TRUSTBOARD_ADMIN_EMAIL === undefined) === (e.TRUSTBOARD_ADMIN_PASSWORD === undefined),
    {
      message: "set both TRUSTBOARD_ADMIN_EMAIL and TRUSTBOARD_ADMIN_PASSWORD, or neither",
      path: ["TRUSTBOARD_ADMIN_PASSWORD"],
    },
  );

export type Env = z.infer<typeof schema> & { dataDir: string };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join(".") || "environment"}: ${i.message}`,
    );
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(
    /* turbopackIgnore: true */ process.cwd(),
    result.data.TRUSTBOARD_DATA_DIR ?? "data",
  );
  return { ...result.data, dataDir };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
