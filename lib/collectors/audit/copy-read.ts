// Reads one batch of a source table with COPY … TO STDOUT. The source selects exactly the
// columns of Trustboard's own COPY, already in COPY text format, so each line is passed on as
// it is: no row objects, no Date parsing, no re-escaping. The batch is one string (about
// 100 bytes a row) plus the daily counts, whatever the table's size.
import { StringDecoder } from "node:string_decoder";
import type { Client } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { AuditParseError } from "./parse";

export interface CopyBatch {
  /** Rows for `COPY "audit_events" (occurred_at, action, actor, organisation, ip, outcome, target)`. */
  text: string;
  rows: number;
  /** The cursor value of the last row, or null for an empty batch. */
  last: string | null;
  /** Events per UTC day and action (unescaped). */
  daily: Map<string, { day: string; action: string; n: number }>;
}

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

/** Adds one source line (`cursor \t time \t action \t …`) to the batch, checking time and action. */
export function addLine(batch: CopyBatch, line: string, table: string): void {
  const a = line.indexOf("\t");
  const b = line.indexOf("\t", a + 1);
  const c = line.indexOf("\t", b + 1);
  if (a < 0 || b < 0 || c < 0) throw new AuditParseError(`${table}: unreadable row from COPY.`);
  const cursor = unescapeCopy(line.slice(0, a));
  const time = line.slice(a + 1, b);
  const action = line.slice(b + 1, c);
  if (time === "\\N") throw new AuditParseError(`${table} row ${cursor}: no valid time.`);
  if (action === "\\N") throw new AuditParseError(`${table} row ${cursor}: no action.`);
  batch.text += line.slice(a + 1) + "\n";
  batch.rows += 1;
  batch.last = cursor;
  const day = time.slice(0, 10);
  const key = `${day}\u0000${action}`;
  const entry = batch.daily.get(key);
  if (entry) entry.n += 1;
  else batch.daily.set(key, { day, action: unescapeCopy(action), n: 1 });
}

/** Runs `COPY (select) TO STDOUT` in a read-only transaction and collects the batch. */
export async function readCopyBatch(
  client: Client,
  select: string,
  table: string,
): Promise<CopyBatch> {
  const batch: CopyBatch = { text: "", rows: 0, last: null, daily: new Map() };
  await client.query("BEGIN READ ONLY");
  const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const s = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = s.indexOf("\n"); nl >= 0; nl = s.indexOf("\n", start)) {
      addLine(batch, s.slice(start, nl), table);
      start = nl + 1;
    }
    rest = s.slice(start);
  }
  rest += decoder.end();
  if (rest !== "") addLine(batch, rest, table);
  await client.query("COMMIT");
  return batch;
}
