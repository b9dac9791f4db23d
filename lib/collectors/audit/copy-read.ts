// Reads one batch of a source table with COPY … TO STDOUT and passes it on as it arrives. The
// source selects exactly the columns of Trustboard's own COPY, already in COPY text format, so
// each line goes on as it is, without its leading cursor: no row objects, no Date parsing, no
// re-escaping — and no batch held whole: the pull streams it straight into `COPY FROM STDIN`,
// so memory is a few chunks, whatever the batch size (issue 15).
import { StringDecoder } from "node:string_decoder";
import type { Client } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { AuditParseError } from "./parse";

/** What a batch held, known once its stream has been consumed. */
export interface PulledTally {
  rows: number;
  /** The cursor value of the last row, or null for an empty batch. */
  last: string | null;
  /** Events per UTC day and action (unescaped), with the day's latest event. */
  daily: Map<string, DayTally>;
}

/** One UTC day's events of one action: how many, and the latest one's time of day (ms). */
export interface DayTally {
  day: string;
  action: string;
  n: number;
  lastOfDay: number;
}

export const newPulledTally = (): PulledTally => ({ rows: 0, last: null, daily: new Map() });

const UNESCAPE: Record<string, string> = {
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

/** A COPY text field as its value (PostgreSQL's COPY TO writes only these escapes). */
export function unescapeCopy(field: string): string {
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => UNESCAPE[c] ?? c) : field;
}

/** The milliseconds since midnight of the "HH:MM:SS.mmm" at `i` in `s`. */
function msOfDay(s: string, i: number): number {
  const d = (k: number) => s.charCodeAt(i + k) - 48;
  return (
    (((d(0) * 10 + d(1)) * 60 + d(3) * 10 + d(4)) * 60 + d(6) * 10 + d(7)) * 1000 +
    d(9) * 100 +
    d(10) * 10 +
    d(11)
  );
}

/**
 * Counts the source line `s.slice(start, end)` (`cursor \t time \t action \t …`), checking time
 * and action, and returns where the row for Trustboard starts (after the cursor). Works on
 * offsets into the decoded chunk: a row costs two small strings (its day and action), not five.
 */
export function takeLine(
  tally: PulledTally,
  s: string,
  start: number,
  end: number,
  table: string,
): number {
  const a = s.indexOf("\t", start);
  const b = a < 0 ? -1 : s.indexOf("\t", a + 1);
  const c = b < 0 ? -1 : s.indexOf("\t", b + 1);
  if (c < 0 || c > end) throw new AuditParseError(`${table}: unreadable row from COPY.`);
  const cursor = () => unescapeCopy(s.slice(start, a));
  if (b - a === 3 && s.startsWith("\\N", a + 1))
    throw new AuditParseError(
      `${table} row ${cursor()}: no valid time (none, or outside the years 1970 to 9999).`,
    );
  if (c - b === 3 && s.startsWith("\\N", b + 1))
    throw new AuditParseError(`${table} row ${cursor()}: no action.`);
  tally.rows += 1;
  // The source writes every time as the same 24 characters, "2026-03-01T10:00:00.000Z" (UTC).
  const day = s.slice(a + 1, a + 11);
  const action = s.slice(b + 1, c);
  const key = `${day}\u0000${action}`;
  const entry = tally.daily.get(key);
  const at = msOfDay(s, a + 12);
  if (entry) {
    entry.n += 1;
    if (at > entry.lastOfDay) entry.lastOfDay = at;
  } else
    tally.daily.set(key, {
      day,
      // A copy: a slice of the chunk would keep the whole chunk alive for the batch.
      action: Buffer.from(unescapeCopy(action)).toString(),
      n: 1,
      lastOfDay: at,
    });
  return a + 1;
}

/**
 * Runs `COPY (select) TO STDOUT` in a read-only transaction on `client` and yields Trustboard's
 * COPY text, a chunk at a time; `tally` holds the rows, last cursor and daily counts once the
 * stream has ended. A bad row throws (the caller's COPY, and its transaction, are then dropped).
 */
export async function* copyRows(
  client: Client,
  select: string,
  table: string,
  tally: PulledTally,
): AsyncGenerator<string> {
  await client.query("BEGIN READ ONLY");
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  // The start of the last complete line: its cursor is read once per chunk, not per row.
  let lastLine = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const s = rest + decoder.write(chunk);
    let out = "";
    let start = 0;
    let lineStart = -1;
    for (let nl = s.indexOf("\n"); nl >= 0; nl = s.indexOf("\n", start)) {
      out += s.slice(takeLine(tally, s, start, nl, table), nl + 1);
      lineStart = start;
      start = nl + 1;
    }
    if (lineStart >= 0) lastLine = s.slice(lineStart, s.indexOf("\t", lineStart));
    rest = s.slice(start);
    if (out) yield out;
  }
  rest += decoder.end();
  if (rest !== "") {
    const from = takeLine(tally, rest, 0, rest.length, table);
    lastLine = rest.slice(0, from - 1);
    yield `${rest.slice(from)}\n`;
  }
  await client.query("COMMIT");
  tally.last = tally.rows > 0 ? unescapeCopy(lastLine) : null;
}
