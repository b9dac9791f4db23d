// A JSON Lines body read as it arrives and turned into COPY text for the staging table, one
// chunk of text per piece of the body: neither the body nor its events are ever held whole, so
// a large push costs the server a few chunks of memory. A bad line throws, naming it; the
// caller's transaction then stores nothing.
import { isoOfMs } from "@/lib/dates";
import { tooLarge } from "@/lib/errors";
import { copyField } from "./copy-batch";
import {
  AuditParseError,
  MAX_EVENTS_PER_FILE,
  parseJsonLine,
  tooManyEvents,
  type ParsedEvent,
} from "./parse";

/** What the stream saw, read by the caller once it has been consumed. */
export interface AuditTally {
  received: number;
  actions: Set<string>;
}

export const newTally = (): AuditTally => ({ received: 0, actions: new Set() });

/** One event as a line of COPY text, in the staging table's column order. */
export function stageRow(e: ParsedEvent): string {
  return `${isoOfMs(e.occurredAtMs)}\t${copyField(e.action)}\t${copyField(e.actor)}\t${copyField(e.organisation)}\t${copyField(e.ip)}\t${copyField(e.outcome)}\t${copyField(e.target)}\t${copyField(e.metadataJson)}\t${keyField(e.dedupeKey)}\n`;
}

/** The key's 32 hex digits are uuid input as they are (no character COPY text escapes). */
const keyField = (hex: string | null): string => hex ?? "\\N";

/** COPY text for already parsed events (an upload), in chunks of bounded size. */
export async function* eventsCopyText(
  events: readonly ParsedEvent[],
  tally: AuditTally,
): AsyncGenerator<string> {
  const CHUNK = 5_000;
  for (let i = 0; i < events.length; i += CHUNK) {
    let out = "";
    for (const e of events.slice(i, i + CHUNK)) {
      tally.received += 1;
      tally.actions.add(e.action);
      out += stageRow(e);
    }
    yield out;
  }
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * COPY text for the events of a JSON Lines body, line numbers counted from the body's first
 * line. More than `maxBytes` or more than MAX_EVENTS_PER_FILE events is refused.
 */
export async function* jsonLinesCopyText(
  body: AsyncIterable<Uint8Array>,
  tally: AuditTally,
  maxBytes: number,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let lineNo = 0;
  let bytes = 0;
  // The start of a line not finished yet, in pieces: a long line is joined once, when it ends.
  let pending: string[] = [];
  const take = (line: string): string => {
    lineNo += 1;
    const e = parseJsonLine(line, lineNo);
    if (!e) return "";
    if (++tally.received > MAX_EVENTS_PER_FILE) throw tooManyEvents();
    tally.actions.add(e.action);
    return stageRow(e);
  };
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes)
      throw tooLarge(`The body is larger than ${mb(maxBytes)}; nothing was stored.`);
    const text = decoder.decode(chunk, { stream: true });
    let nl = text.indexOf("\n");
    if (nl < 0) {
      pending.push(text);
      continue;
    }
    let out = take(pending.join("") + text.slice(0, nl));
    pending = [];
    let start = nl + 1;
    while ((nl = text.indexOf("\n", start)) >= 0) {
      out += take(text.slice(start, nl));
      start = nl + 1;
    }
    pending.push(text.slice(start));
    if (out) yield out;
  }
  const last = take(pending.join("") + decoder.decode());
  if (last) yield last;
  if (tally.received === 0) throw new AuditParseError("The file holds no events.");
}
