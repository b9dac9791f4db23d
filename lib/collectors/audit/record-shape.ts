// Which of a record's keys holds each field of an event, and which keys are its metadata. It
// depends on the keys alone, and an export writes the same keys in the same order on every
// line, so a push of 100,000 lines works it out once, not once per line.

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

const ALIASES = {
  occurredAtMs: TIME_FIELDS,
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
} as const satisfies Record<string, readonly string[]>;

/** An event's fields read from a record's keys. */
export type Field = keyof typeof ALIASES;

/** Each alias (lower case) → its field and its rank among that field's aliases (0 = preferred). */
const ALIAS_INDEX = new Map<string, { field: Field; rank: number }>(
  (Object.entries(ALIASES) as [Field, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias, rank) => [alias, { field, rank }] as const),
  ),
);

export interface RecordShape {
  /** Per field, the key holding its most preferred alias. */
  fields: Partial<Record<Field, string>>;
  /** The key the de-duplication key's time is read from (undefined when no key is a time). */
  timeKey: string | undefined;
  /** The keys in canonical order (canonicalJson's: by UTF-16 code units). */
  sorted: string[];
  /** For each of `sorted`, whether it is metadata: every key not read as a field. */
  metadata: boolean[];
}

let lastKeys: string[] = [];
let lastShape: RecordShape | null = null;

/**
 * Shapes of the key sets seen lately, by their keys joined: a log whose lines mix a few key sets
 * (per-action fields, null fields left out) works each out once too. Bounded: a hostile body
 * with new keys on every line must not grow it without end.
 */
const SHAPES = new Map<string, RecordShape>();
const MAX_SHAPES = 64;
const MAX_SHAPE_KEY_CHARS = 2_048;

/** The shape of a record with these own keys (in their order). */
export function shapeOf(keys: string[]): RecordShape {
  // The same keys as the line before, the common case, without joining them.
  if (lastShape && keys.length === lastKeys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = keys[i] === lastKeys[i];
    if (same) return lastShape;
  }
  // Unambiguous: a record with a NUL in a key is refused before its shape is asked for.
  const joined = keys.join("\u0000");
  let shape = SHAPES.get(joined);
  if (shape === undefined) {
    shape = Object.freeze(workOut(keys));
    if (SHAPES.size < MAX_SHAPES && joined.length <= MAX_SHAPE_KEY_CHARS) SHAPES.set(joined, shape);
  }
  lastKeys = keys;
  lastShape = shape;
  return shape;
}

function workOut(keys: string[]): RecordShape {
  // For each field, the key holding its most preferred alias (keys compared in lower case; of
  // two keys with the same lower case, the later one, as a map built from the entries would).
  const chosen: Partial<Record<Field, { key: string; rank: number }>> = {};
  // The time the key is made of: the same choice, but of two keys that differ only in case the
  // smaller, so that the same record (its keys in any order) has the same key.
  let keyTime: { key: string; rank: number } | null = null;
  for (const key of keys) {
    const hit = ALIAS_INDEX.get(key.toLowerCase());
    if (!hit) continue;
    const best = chosen[hit.field];
    if (!best || hit.rank <= best.rank) chosen[hit.field] = { key, rank: hit.rank };
    if (
      hit.field === "occurredAtMs" &&
      (!keyTime || hit.rank < keyTime.rank || (hit.rank === keyTime.rank && key < keyTime.key))
    )
      keyTime = { key, rank: hit.rank };
  }
  const fields: Partial<Record<Field, string>> = {};
  for (const [field, c] of Object.entries(chosen)) fields[field as Field] = c.key;
  const taken = new Set(Object.values(fields));
  const sorted = [...keys].sort();
  return { fields, timeKey: keyTime?.key, sorted, metadata: sorted.map((k) => !taken.has(k)) };
}
