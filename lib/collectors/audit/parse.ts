// Audit events as JSON Lines or CSV, with the column names applications commonly use. A file
// with one bad record is refused as a whole, naming the line: nothing half-imported.
import { AppError } from "@/lib/errors";
import {
  nulPath,
  isStorableMs,
  cutText,
  UNPAIRED_SURROGATE_MESSAGE,
  unpairedSurrogatePath,
} from "@/lib/validation/storable";
import { keyAndMetadata } from "./dedupe-key";
import { shapeOf, type Field, type RecordShape } from "./record-shape";

/** An audit event's columns besides its time, as stored and as read back. */
export interface EventFields {
  action: string;
  actor: string | null;
  organisation: string | null;
  ip: string | null;
  outcome: string | null;
  target: string | null;
}

export interface ParsedEvent extends EventFields {
  /** The event's instant in epoch milliseconds (a Date per pushed event costs the server). */
  occurredAtMs: number;
  /** The record's other fields as a JSON object, or null when there are none. */
  metadataJson: string | null;
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

export { TIME_FIELDS } from "./record-shape";

export const MAX_EVENTS_PER_FILE = 1_000_000;

/** Refused when a file holds more events than one ingest stores. */
export const tooManyEvents = () =>
  new AuditParseError(`More than ${MAX_EVENTS_PER_FILE} events in one file; split it.`);

/** An ISO date and time without a zone ("2026-03-01T10:00:00", "2026-03-01 10:00:00.5"). */
const ZONELESS = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A time in epoch milliseconds: a number (or digits) below 10^12 as epoch seconds, above as
 * milliseconds; any other text as Date.parse reads it (without a zone, ISO dates as UTC).
 */
function parseTimeMs(v: unknown): number | null {
  if (typeof v === "number") return Math.trunc(v < 1e12 ? v * 1000 : v);
  if (typeof v !== "string" || v.trim() === "") return null;
  const s = v.trim();
  // A time without a zone is UTC, as JUnit timestamps are by default: JavaScript would read it
  // in the server's own zone, so the same record would land at another instant on another
  // server. (Other formats without a zone, such as "Mar 1 2026 10:00", are still read so.)
  const zoneless = ZONELESS.exec(s);
  const ms = /^\d+(\.\d+)?$/.test(s)
    ? Math.trunc(Number(s) < 1e12 ? Number(s) * 1000 : Number(s))
    : Date.parse(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : s);
  return Number.isNaN(ms) ? null : ms;
}

const str = (v: unknown) =>
  v === undefined || v === null || v === "" ? null : cutText(String(v), 1000);

/** The value of a field in a record of this shape. */
function valueOf(record: Record<string, unknown>, shape: RecordShape, field: Field): unknown {
  const key = shape.fields[field];
  return key === undefined ? undefined : record[key];
}

/**
 * One record as an event; an error names it as `${what} ${n}` ("Line 3"). Runs once per pushed
 * event, so nothing is worked out per record that its keys decide (record-shape.ts), and
 * `mayHoldBadText` false skips the search for text PostgreSQL refuses when the caller knows
 * there is none.
 */
function toEvent(
  record: Record<string, unknown>,
  what: string,
  n: number,
  mayHoldBadText = true,
): ParsedEvent {
  // PostgreSQL stores no NUL character in text or JSON, and no half of a surrogate pair in
  // JSON: refuse the record, naming the field.
  if (mayHoldBadText) {
    const nul = nulPath(record);
    if (nul !== null)
      throw new AuditParseError(`${what} ${n}, field "${nul}": contains a NUL character.`);
    const half = unpairedSurrogatePath(record);
    if (half !== null)
      throw new AuditParseError(`${what} ${n}, field "${half}": ${UNPAIRED_SURROGATE_MESSAGE}`);
  }
  const shape = shapeOf(Object.keys(record));
  const occurredAtMs = parseTimeMs(valueOf(record, shape, "occurredAtMs"));
  if (occurredAtMs === null)
    throw new AuditParseError(
      `${what} ${n}: no valid time (expected a field such as "timestamp" with an ISO date or epoch seconds).`,
    );
  if (!isStorableMs(occurredAtMs))
    throw new AuditParseError(
      `${what} ${n}, field "${shape.fields.occurredAtMs ?? "time"}": the time is out of range (years 1970 to 9999).`,
    );
  const action = str(valueOf(record, shape, "action"));
  if (!action)
    throw new AuditParseError(
      `${what} ${n}: no action (expected a field such as "action" or "event_type").`,
    );
  const { key, metadataJson } = keyAndMetadata(record, shape, String(record[shape.timeKey!]));
  return {
    occurredAtMs,
    action: action.toLowerCase(),
    actor: str(valueOf(record, shape, "actor")),
    organisation: str(valueOf(record, shape, "organisation")),
    ip: str(valueOf(record, shape, "ip")),
    outcome: str(valueOf(record, shape, "outcome")),
    target: str(valueOf(record, shape, "target")),
    metadataJson,
    dedupeKey: key,
  };
}

/** The JSON escape of a surrogate ("\\ud800" to "\\udfff"), paired or not. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

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
  // Parsed JSON holds a NUL or half a surrogate pair only where its text spells the escape.
  const mayHoldBadText = line.includes("\\u0000") || SURROGATE_ESCAPE.test(line);
  return toEvent(record as Record<string, unknown>, "Line", lineNo, mayHoldBadText);
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
    return toEvent(Object.fromEntries(header.map((h, j) => [h.trim(), r[j]])), "Row", i + 2);
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
    return toEvent(r as Record<string, unknown>, "Record", i + 1);
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
