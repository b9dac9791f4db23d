// Finds secrets in text-like uploads before anyone else sees them: database URLs with a
// password, private keys, cloud access keys, bearer/JWT tokens, password assignments.
// Findings carry a masked preview only, never the secret itself.

export interface SecretFinding {
  kind:
    "database-url" | "private-key" | "cloud-key" | "bearer-token" | "jwt" | "password-assignment";
  line: number;
  preview: string;
  /** The entry of a ZIP-based file (docx, xlsx, zip) it was found in. */
  file?: string;
}

interface Rule {
  kind: SecretFinding["kind"];
  pattern: RegExp;
  /** Index of the capture group holding the secret itself (0 = whole match). */
  group: number;
}

const RULES: Rule[] = [
  {
    kind: "private-key",
    pattern:
      /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
    group: 0,
  },
  {
    kind: "database-url",
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver):\/\/[^:\s/@]+:([^@\s]+)@/gi,
    group: 1,
  },
  {
    kind: "cloud-key",
    pattern:
      /\b((?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|gh[pousr]_[A-Za-z0-9]{36,}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,})\b/g,
    group: 1,
  },
  {
    kind: "jwt",
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
    group: 0,
  },
  { kind: "bearer-token", pattern: /\bBearer\s+([A-Za-z0-9\-._~+/]{20,}=*)/g, group: 1 },
  {
    kind: "password-assignment",
    pattern:
      /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)(?![A-Za-z0-9])["']?\s*[:=]\s*["']?([^\s"',;}{)]{6,})/gi,
    group: 1,
  },
];

// Values that are clearly not secrets: placeholders, references to where the secret lives.
const PLACEHOLDER =
  /^(?:\*+|x+|redacted|<[^>]*>|\$\{[^}]*\}|\$[A-Z_]+|%\([^)]*\)s|changeme|example|null|none|true|false|os\.environ.*|process\.env.*|env\(.*|getenv.*|settings\..*|config\..*)$/i;

function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /redacted/i.test(value) || /^\[.*\]$/.test(value);
}

function mask(secret: string): string {
  const s = secret.replace(/\s+/g, " ");
  return s.length <= 8 ? "****" : `${s.slice(0, 3)}…${s.slice(-2)} (${s.length} chars)`;
}

interface Match {
  kind: SecretFinding["kind"];
  start: number;
  end: number;
  secret: string;
}

function findMatches(text: string): Match[] {
  const out: Match[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const secret = m[rule.group];
      if (!secret || (rule.kind !== "private-key" && isPlaceholder(secret))) continue;
      const start = (m.index ?? 0) + (rule.group === 0 ? 0 : m[0].indexOf(secret));
      const end = start + secret.length;
      if (out.some((o) => start < o.end && end > o.start)) continue; // already covered by a stronger rule
      out.push({ kind: rule.kind, start, end, secret });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function scanForSecrets(text: string): SecretFinding[] {
  return findMatches(text).map((m) => ({
    kind: m.kind,
    line: text.slice(0, m.start).split("\n").length,
    preview: mask(m.secret),
  }));
}

export function redactSecrets(text: string): string {
  let out = "";
  let at = 0;
  for (const m of findMatches(text)) {
    out += text.slice(at, m.start) + "[REDACTED]";
    at = m.end;
  }
  return out + text.slice(at);
}
