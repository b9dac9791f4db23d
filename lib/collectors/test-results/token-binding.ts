// What a token may claim about a run (issue 10): the source it reports and the controls and
// criteria its tags may evidence. Tags naming anything else are ignored and reported back, so a
// CI job cannot declare, through tags in its file, that it proves controls it was not set up for.
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { explicitIds, mapCase, type MappingContext } from "./mapping";
import type { ParsedCase } from "./types";

/** The source a run is stored under: a bound token's own, and no other. */
export function boundSource(actor: Actor, declared: string | null | undefined): string | null {
  if (actor.kind !== "token" || !actor.source) return declared || null;
  if (declared && declared !== actor.source)
    throw new AppError(
      "forbidden",
      `This token may only report source "${actor.source}", not "${declared}".`,
      { field: "source" },
    );
  return actor.source;
}

export interface BoundMapper {
  map(c: ParsedCase): string[];
  /** Tags that name a known control or criterion outside the token's binding. */
  ignored: Set<string>;
}

/** Maps cases as mapCase does, restricted to the token's controls and criteria. */
export function boundMapper(actor: Actor, ctx: MappingContext): BoundMapper {
  const binding = actor.kind === "token" ? actor.evidences : [];
  if (!binding.length) return { map: (c) => mapCase(c, ctx).controlIds, ignored: new Set() };
  const allowed = new Set(binding);
  const controlsByRef = new Map([...ctx.controlsByRef].filter(([ref]) => allowed.has(ref)));
  const controlsByCriterion = new Map(
    [...ctx.controlsByCriterion].filter(([criterion]) => allowed.has(criterion)),
  );
  const allowedControls = new Set([
    ...controlsByRef.values(),
    ...[...controlsByCriterion.values()].flat(),
  ]);
  const restricted: MappingContext = {
    controlsByRef,
    controlsByCriterion,
    rules: ctx.rules.filter((r) => allowedControls.has(r.controlId)),
  };
  const ignored = new Set<string>();
  return {
    ignored,
    map(c) {
      for (const id of explicitIds(c))
        if (!allowed.has(id) && (ctx.controlsByRef.has(id) || ctx.controlsByCriterion.has(id)))
          ignored.add(id);
      return mapCase(c, restricted).controlIds;
    },
  };
}

/** Clock skew tolerated before a run counts as dated in the future. */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Why a run pushed with an API token cannot count as current evidence for a control with this
 * freshness window: dated in the future, or already older than the window when it arrived. Null
 * when it can. Uploads by a signed-in person (recorded under their name, and how a team backfills
 * history) and runs the server ingests itself (demo, directory pulls) are not judged.
 */
export function notCurrentReason(
  actor: Actor,
  declared: Date | null,
  freshnessDays: number,
  now: Date,
): string | null {
  if (actor.kind !== "token" || !declared) return null;
  return stalenessAtArrival(declared, freshnessDays, now);
}

/** Dated in the future, or already older than the window, when the run arrived; else null. */
function stalenessAtArrival(declared: Date, freshnessDays: number, arrived: Date): string | null {
  if (declared.getTime() > arrived.getTime() + FUTURE_SKEW_MS)
    return `the run is dated ${declared.toISOString()}, in the future when it arrived`;
  if (arrived.getTime() - declared.getTime() > freshnessDays * 86_400_000)
    return `the run is dated ${declared.toISOString().slice(0, 10)}, older than the control's ${freshnessDays}-day freshness window when it arrived`;
  return null;
}

export interface StoredRunTiming {
  tokenId: string | null;
  startedAt: Date;
  ingestedAt: Date;
  notCurrentReason: string | null;
}

/**
 * The same judgement for a run already stored that a mapping rule now maps to a control: judged
 * as on its arrival (a token's run, its date against the control's window at `ingestedAt`). A run
 * not current at all stays so for the new control too.
 */
export function storedRunNotCurrentReason(
  run: StoredRunTiming,
  freshnessDays: number,
): string | null {
  if (!run.tokenId) return null;
  return run.notCurrentReason ?? stalenessAtArrival(run.startedAt, freshnessDays, run.ingestedAt);
}
