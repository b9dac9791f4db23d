// Audit events as JSON Lines or CSV, with the column names applications commonly use. A file
// with one bad record is refused as a whole, naming the line: nothing half-imported.
import { AppError } from "@/lib/errors";
import { isStorableTime, nulPath } from "@/lib/validation/storable";
import { recordKey } from "./dedupe-key";

export interface ParsedEvent {
  occurredAt: Date;
  action: string;
  actor: string | null;
  organisation: string | null;
  ip: string | null;
  outcome: string | null;
  target: string | null;
  metadata: Record<string, unknown> | null;
  /** dedupeKeyOf the record: 32 hex digits, stored as a uuid. */
  dedupeKey: string | null;
}

/** A bad file or record: refused whole, with the line named (code "invalid"). */
export class AuditParseError extends AppError {
  constructor(message: string) {
    super("invalid", message);
    this.name = "AuditParseError";
  }
}

/**
 * The fields a record's time is read from, most preferred first (keys compared in lower case).
 * Fixed: the de-duplication key starts with the chosen field's value as written, so another
 * list would give records already stored another key (dedupe-key.ts).
 */
export const TIME_FIELDS = Object.freeze([
  "time",
  "timestamp",
  "occurred_at",
  "occurredat",
  "created_at",
  "createdat",
  "ts",
  "@timestamp",
]);

const ALIASES: Record<Exclude<keyof ParsedEvent, "metadata" | "dedupeKey">, readonly string[]> = {
  occurredAt: TIME_FIELDS,
  action: ["action", "event", "event_type", "eventtype", "type"],
  actor: ["actor", "user", "user_email", "actor_email", "username", "user_id"],
  organisation: [
    "organisation",
    "organization",
    "org",
    "org_id",
    "organization_id",
    "tenant",
    "tenant_id",
  ],
  ip: ["ip", "ip_address", "ipaddress", "remote_addr", "client_ip"],
  outcome: ["outcome", "result", "status", "success"],
  target: ["target", "resource", "object", "target_id", "object_id"],
};

export const MAX_EVENTS_PER_FILE = 1_000_000;

/** Refused when a file holds more events than one ingest stores. */
export const tooManyEvents = () =>
  new AuditParseError(`More than ${MAX_EVENTS_PER_FILE} events in one file; split it.`);

/** An ISO date and time without a zone ("2026-03-01T10:00:00", "2026-03-01 10:00:00.5"). */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function parseTime(v: unknown): Date | null {
  if (typeof v === "number") return new Date(v < 1e12 ? v * 1000 : v);
  if (typeof v !== "string" || v.trim() === "") return null;
  const s = v.trim();
  // A time without a zone is UTC, as JUnit timestamps are by default: JavaScript would read it
  // in the server's own zone, so the same record would land at another instant on another
  // server. (Other formats without a zone, such as "Mar 1 2026 10:00", are still read so.)
  const zoneless = ZONELESS.exec(s);
  const d = /^\d+(\.\d+)?$/.test(s)
    ? new Date(Number(s) < 1e12 ? Number(s) * 1000 : Number(s))
    : new Date(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : s);
  return Number.isNaN(d.getTime()) ? null : d;
}

const str = (v: unknown) =>
  v === undefined || v === null || v === "" ? null : String(v).slice(0, 1000);

type Field = keyof typeof ALIASES;

/** Each alias (lower case) → its field and its rank among that field's aliases (0 = preferred). */
const ALIAS_INDEX = new Map<string, { field: Field; rank: number }>(
  (Object.entries(ALIASES) as [Field, string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias, rank) => [alias, { field, rank }] as const),
  ),
);

/**
 * The alias a record's key is (compared in lower case), or null. An export repeats the same few
 * keys on every line, so each key is lowered and looked up once, not twice per record.
 */
const KEY_ALIASES = new Map<string, { field: Field; rank: number } | null>();
function aliasOf(key: string): { field: Field; rank: number } | null {
  let hit = KEY_ALIASES.get(key);
  if (hit === undefined) {
    hit = ALIAS_INDEX.get(key.toLowerCase()) ?? null;
    // Bounded: a hostile body with a new key on every line must not grow the map without end
    // (nor fill it with long keys that crowd out the few an export repeats).
    if (KEY_ALIASES.size < 1_000 && key.length <= 64) KEY_ALIASES.set(key, hit);
  }
  return hit;
}

/**
 * One record as an event. Runs once per pushed event, so it walks the record's keys once (no
 * per-record maps); `mayHoldNul` false skips the NUL search when the caller knows there is none.
 */
function toEvent(record: Record<string, unknown>, where: string, mayHoldNul = true): ParsedEvent {
  // PostgreSQL stores no NUL character in text or JSON: refuse the record, naming the field.
  if (mayHoldNul) {
    const nul = nulPath(record);
    if (nul !== null)
      throw new AuditParseError(`${where}, field "${nul}": contains a NUL character.`);
  }
  // For each field, the key holding its most preferred alias (keys compared in lower case; of
  // two keys with the same lower case, the later one, as a map built from the entries would).
  const chosen: Partial<Record<Field, { key: string; rank: number }>> = {};
  // The time the key is made of: the same choice, but of two keys that differ only in case the
  // smaller, so that the same record (its keys in any order) has the same key.
  let keyTime: { key: string; rank: number } | null = null;
  const keys = Object.keys(record);
  for (const key of keys) {
    const hit = aliasOf(key);
    if (!hit) continue;
    const best = chosen[hit.field];
    if (!best || hit.rank <= best.rank) chosen[hit.field] = { key, rank: hit.rank };
    if (
      hit.field === "occurredAt" &&
      (!keyTime || hit.rank < keyTime.rank || (hit.rank === keyTime.rank && key < keyTime.key))
    )
      keyTime = { key, rank: hit.rank };
  }
  const pick = (field: Field) => {
    const c = chosen[field];
    return c ? record[c.key] : undefined;
  };
  const occurredAt = parseTime(pick("occurredAt"));
  if (!occurredAt)
    throw new AuditParseError(
      `${where}: no valid time (expected a field such as "timestamp" with an ISO date or epoch seconds).`,
    );
  if (!isStorableTime(occurredAt))
    throw new AuditParseError(
      `${where}, field "${chosen.occurredAt?.key ?? "time"}": the time is out of range (years 1970 to 9999).`,
    );
  const action = str(pick("action"));
  if (!action)
    throw new AuditParseError(
      `${where}: no action (expected a field such as "action" or "event_type").`,
    );
  let metadata: Record<string, unknown> | null = null;
  for (const key of keys) {
    const field = aliasOf(key)?.field;
    if (field !== undefined && chosen[field]?.key === key) continue;
    (metadata ??= {})[key] = record[key];
  }
  return {
    occurredAt,
    action: action.toLowerCase(),
    actor: str(pick("actor")),
    organisation: str(pick("organisation")),
    ip: str(pick("ip")),
    outcome: str(pick("outcome")),
    target: str(pick("target")),
    metadata,
    dedupeKey: recordKey(record, String(record[keyTime!.key])),
  };
}

/** One line of JSON Lines (`lineNo` counts from 1): its event, or null for a blank line. */
export function parseJsonLine(raw: string, lineNo: number): ParsedEvent | null {
  const line = raw.trim();
  if (!line) return null;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (err) {
    throw new AuditParseError(`Line ${lineNo}: not valid JSON (${(err as Error).message}).`);
  }
  if (typeof record !== "object" || record === null || Array.isArray(record))
    throw new AuditParseError(`Line ${lineNo}: expected a JSON object.`);
  // Parsed JSON holds a NUL only where its text spells the escape \u0000.
  return toEvent(record as Record<string, unknown>, `Line ${lineNo}`, line.includes("\\u0000"));
}

function parseJsonLines(content: string): ParsedEvent[] {
  const out: ParsedEvent[] = [];
  const lines = content.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const event = parseJsonLine(raw, i + 1);
    if (!event) continue;
    out.push(event);
    if (out.length > MAX_EVENTS_PER_FILE) throw tooManyEvents();
  }
  return out;
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and newlines. */
export function csvRows(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && content[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (quoted) throw new AuditParseError("The CSV ends inside a quoted field.");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

function parseCsv(content: string): ParsedEvent[] {
  const [header, ...rows] = csvRows(content.replace(/^\uFEFF/, ""));
  if (!header) throw new AuditParseError("The CSV is empty.");
  return rows.map((r, i) => {
    if (r.length !== header.length)
      throw new AuditParseError(
        `Row ${i + 2}: ${r.length} fields, the header has ${header.length}.`,
      );
    return toEvent(Object.fromEntries(header.map((h, j) => [h.trim(), r[j]])), `Row ${i + 2}`);
  });
}

function parseJsonArray(content: string): ParsedEvent[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (err) {
    throw new AuditParseError(`Not valid JSON (${(err as Error).message}).`);
  }
  if (!Array.isArray(data)) throw new AuditParseError("Expected a JSON array of events.");
  return data.map((r, i) => {
    if (typeof r !== "object" || r === null || Array.isArray(r))
      throw new AuditParseError(`Record ${i + 1}: expected a JSON object.`);
    return toEvent(r as Record<string, unknown>, `Record ${i + 1}`);
  });
}

/** JSON Lines, a JSON array, or CSV with a header row. */
export function parseAuditEvents(content: string): ParsedEvent[] {
  const body = content.replace(/^\uFEFF/, "").trimStart();
  if (!body) throw new AuditParseError("The file is empty.");
  const events = body.startsWith("{")
    ? parseJsonLines(body)
    : body.startsWith("[")
      ? parseJsonArray(body)
      : parseCsv(body);
  if (events.length === 0)
    throw new AuditParseError(
      "No events found: expected JSON Lines, a JSON array, or CSV with a header row and data rows.",
    );
  return events;
}
