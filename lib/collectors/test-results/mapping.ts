// Which controls a test proves. Explicit tags win: a JUnit property `soc2` or `control`, CTRF
// tags and labels, or "[CC6.1]" / "[CTL-004]" in a test or suite name — naming a criterion
// (all its controls) or a control. Otherwise an admin's rules: file, suite/class or name
// pattern (`*` and `?` wildcards, case-insensitive) → control.
import type { ParsedCase, PropertyBag } from "./types";

export interface MappingRuleInput {
  field: "file" | "suite" | "name";
  pattern: string;
  controlId: string;
}

export interface MappingContext {
  controlsByRef: Map<string, string>;
  controlsByCriterion: Map<string, string[]>;
  rules: MappingRuleInput[];
}

export interface CaseMapping {
  controlIds: string[];
  via: "tag" | "rule" | null;
}

const ID = /\b(CTL-\d+|(?:CC|PI|A|C|P)\d\.\d)\b/gi;
const BRACKETED = /\[((?:CTL-\d+|(?:CC|PI|A|C|P)\d\.\d))\]/gi;
const TAG_PROPERTIES = ["soc2", "control", "controls", "tags", "tag"];

/** The ids a bag of properties names; a suite's bag is read once for all its cases. */
const bagIds = new WeakMap<PropertyBag, string[]>();

function idsInBag(bag: PropertyBag): string[] {
  const known = bagIds.get(bag);
  if (known) return known;
  const ids = new Set<string>();
  for (const [key, values] of Object.entries(bag)) {
    const isTag = TAG_PROPERTIES.includes(key.toLowerCase());
    for (const v of values) {
      // Free-form labels only count when the whole value is an id; tag properties may list several.
      if (isTag) {
        for (const m of v.matchAll(ID)) if (m[1]) ids.add(m[1].toUpperCase());
      } else if (/^(CTL-\d+|(?:CC|PI|A|C|P)\d\.\d)$/i.test(v.trim())) {
        ids.add(v.trim().toUpperCase());
      }
    }
  }
  const out = [...ids];
  bagIds.set(bag, out);
  return out;
}

/** The ids a suite chain names: its cases share the chain, so it is read once for all of them. */
const chainIds = new WeakMap<readonly PropertyBag[], string[]>();

function idsInChain(chain: readonly PropertyBag[]): string[] {
  const known = chainIds.get(chain);
  if (known) return known;
  const ids = new Set<string>();
  for (const bag of chain) for (const id of idsInBag(bag)) ids.add(id);
  const out = [...ids];
  chainIds.set(chain, out);
  return out;
}

/**
 * Inherited, own, then bracketed ids, each once. Cases without ids of their own get their
 * chain's array itself (shared: callers do not modify it), so mapping a suite's cases costs
 * little more than one lookup each.
 */
export function explicitIds(c: ParsedCase): string[] {
  const base = c.inherited?.length ? idsInChain(c.inherited) : [];
  let out: string[] | null = null;
  const add = (id: string) => {
    if (!(out ?? base).includes(id)) (out ??= [...base]).push(id);
  };
  for (const key in c.properties) {
    if (Object.hasOwn(c.properties, key)) {
      for (const id of idsInBag(c.properties)) add(id);
      break;
    }
  }
  for (const text of [c.name, c.suite, c.classname ?? ""])
    if (text.includes("["))
      for (const m of text.matchAll(BRACKETED)) if (m[1]) add(m[1].toUpperCase());
  return out ?? base;
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "i");
}

/**
 * `*`/`?` glob match, case-insensitive, in linear time per star (the classic greedy matcher with
 * one backtrack point): a pattern like `a*a*a*a*b` cannot make it run for ages, as a
 * backtracking regular expression would.
 */
export function globMatch(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase();
  const t = text.toLowerCase();
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === "?" || (p[pi] !== "*" && p[pi] === t[ti]))) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === "*") {
      star = pi++;
      mark = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === "*") pi++;
  return pi === p.length;
}

function ruleMatches(rule: MappingRuleInput, c: ParsedCase): boolean {
  const m = (text: string) => globMatch(rule.pattern, text);
  if (rule.field === "file") return c.file !== null && m(c.file);
  if (rule.field === "suite") return m(c.suite) || (c.classname !== null && m(c.classname));
  return m(c.name);
}

/** Per context, the controls an ids array resolves to (a suite's cases share one array). */
const resolved = new WeakMap<MappingContext, WeakMap<string[], string[]>>();

function controlsNamed(ids: string[], ctx: MappingContext): string[] {
  let cache = resolved.get(ctx);
  if (!cache) resolved.set(ctx, (cache = new WeakMap()));
  const known = cache.get(ids);
  if (known) return known;
  const controls = new Set<string>();
  for (const id of ids) {
    if (id.startsWith("CTL-")) {
      const control = ctx.controlsByRef.get(id);
      if (control) controls.add(control);
    } else {
      for (const control of ctx.controlsByCriterion.get(id) ?? []) controls.add(control);
    }
  }
  const out = [...controls];
  cache.set(ids, out);
  return out;
}

/** The controls a case proves; the controlIds array may be shared between cases (do not modify). */
export function mapCase(c: ParsedCase, ctx: MappingContext): CaseMapping {
  const ids = explicitIds(c);
  if (ids.length > 0) {
    const controls = controlsNamed(ids, ctx);
    if (controls.length > 0) return { controlIds: controls, via: "tag" };
  }
  const byRule = new Set(ctx.rules.filter((r) => ruleMatches(r, c)).map((r) => r.controlId));
  return byRule.size > 0 ? { controlIds: [...byRule], via: "rule" } : { controlIds: [], via: null };
}
