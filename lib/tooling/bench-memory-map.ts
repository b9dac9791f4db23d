// What a process's resident memory consists of, read from outside through /proc/PID/smaps:
// WebAssembly memories (PGlite's PostgreSQL, Prisma's query compiler), the malloc heap, files
// mapped in (the node binary, shared libraries, native addons) and the rest of the anonymous
// memory (V8's heap and code, malloc arenas of threads, stacks). Node.js's own view of its heap
// comes from the probe (bench-memory-probe.mjs) when the process loaded it.
import { readFileSync } from "node:fs";

/** A WebAssembly memory: V8 reserves it with guard regions of gigabytes around it. */
const WASM_GUARD_BYTES = 4 * 1024 ** 3;

export interface MemoryMap {
  rssMb: number;
  /** Each WebAssembly memory, largest first: resident and accessible size. */
  wasm: { rssMb: number; sizeMb: number }[];
  /** brk heap (glibc malloc's main arena). */
  mallocHeapMb: number;
  /** Files mapped in: the node binary, shared libraries, native addons. */
  filesMb: number;
  /** Other anonymous memory: V8's heap and code, threads' malloc arenas, stacks. */
  otherAnonMb: number;
}

interface Mapping {
  start: number;
  end: number;
  perms: string;
  name: string;
  rssKb: number;
}

function mappings(pid: number): Mapping[] {
  const out: Mapping[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const m = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (m) {
      out.push({
        start: parseInt(m[1]!, 16),
        end: parseInt(m[2]!, 16),
        perms: m[3]!,
        name: m[4] ?? "",
        rssKb: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    const last = out[out.length - 1];
    if (rss && last) last.rssKb = Number(rss[1]);
  }
  return out;
}

const toMb = (kb: number) => Math.round(kb / 1024);

export function memoryMap(pid: number): MemoryMap {
  const maps = mappings(pid);
  let total = 0;
  let heap = 0;
  let files = 0;
  let other = 0;
  const wasm: MemoryMap["wasm"] = [];
  maps.forEach((m, i) => {
    total += m.rssKb;
    const next = maps[i + 1];
    const guarded =
      m.name === "" &&
      m.perms.startsWith("rw") &&
      next !== undefined &&
      next.start === m.end &&
      next.perms.startsWith("---") &&
      next.end - next.start >= WASM_GUARD_BYTES;
    if (guarded)
      wasm.push({ rssMb: toMb(m.rssKb), sizeMb: Math.round((m.end - m.start) / 1024 ** 2) });
    else if (m.name === "[heap]") heap += m.rssKb;
    else if (m.name.startsWith("/")) files += m.rssKb;
    else other += m.rssKb;
  });
  wasm.sort((a, b) => b.sizeMb - a.sizeMb);
  return {
    rssMb: toMb(total),
    wasm,
    mallocHeapMb: toMb(heap),
    filesMb: toMb(files),
    otherAnonMb: toMb(other),
  };
}

export const describeMemoryMap = (m: MemoryMap) =>
  `${m.rssMb} MB = WebAssembly memories ${m.wasm.map((w) => `${w.rssMb} of ${w.sizeMb}`).join(", ") || "none"} MB + malloc heap ${m.mallocHeapMb} MB + mapped files ${m.filesMb} MB + other anonymous (V8 heap and code, thread arenas, stacks) ${m.otherAnonMb} MB`;
