// Server-side paging for long lists: which slice of a filtered, sorted list a page shows, and
// links that change one thing (page, sort) while keeping every other parameter of the URL.
import { z } from "zod";

/** Rows per page of the long lists (evidence, backlog). */
export const PAGE_SIZE = 50;

/** `?page=` — a positive whole number; anything else is the first page. */
export const pageParam = z.coerce.number().int().min(1).max(1_000_000).catch(1);

export interface PageWindow {
  /** 1-based, clamped to the last page. */
  page: number;
  pages: number;
  total: number;
  /** 0-based offset of the first row. */
  offset: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  from: number;
  to: number;
}

/** The page actually shown: a page past the end shows the last one. */
export function pageWindow(total: number, requested: number, size = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  const offset = (page - 1) * size;
  return {
    page,
    pages,
    total,
    offset,
    from: total === 0 ? 0 : offset + 1,
    to: Math.min(total, offset + size),
  };
}

/** "Showing 1–50 of 1,000" (or "Showing 0 of 0"): what the list holds, not just the page. */
export function showingText(w: PageWindow): string {
  const n = (x: number) => x.toLocaleString("en");
  return w.total === 0 ? "Showing 0 of 0" : `Showing ${n(w.from)}–${n(w.to)} of ${n(w.total)}`;
}

export type UrlParams = Record<string, string | null | undefined>;

/** A relative link to this list with `changes` applied; empty values are left out. */
export function listHref(path: string, params: UrlParams, changes: UrlParams = {}): string {
  const merged = { ...params, ...changes };
  const q = new URLSearchParams(
    Object.entries(merged).flatMap(([k, v]) =>
      v === null || v === undefined || v === "" ? [] : [[k, v]],
    ),
  ).toString();
  return q ? `${path}?${q}` : path;
}

export type SortDir = "asc" | "desc";

export interface SortState<K extends string> {
  key: K;
  dir: SortDir;
}

/** The first value of a search parameter that may be repeated. */
export function firstParam(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
