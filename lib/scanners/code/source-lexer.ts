// A small lexer for the four source languages the code query audit reads. It knows only what
// finding SQL needs: where comments and string literals start and end (so a "query(" inside a
// comment or a string is not a call), the value of each literal, and whether a literal is built
// by interpolation (f-strings, `${}` templates), which makes the SQL in it dynamic.

export type SourceLanguage = "rust" | "ts" | "python" | "go";

export type Token =
  | { t: "ident"; v: string; pos: number }
  | { t: "punct"; v: string; pos: number }
  | {
      t: "str";
      /** The literal's value, or for a template its text parts (interpolations between them). */
      parts: string[];
      /** f-string or template with `${}`: the value is assembled at run time. */
      interpolated: boolean;
      template: boolean;
      pos: number;
    };

const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0" };

/** Decodes the common backslash escapes; anything else stands for the escaped character. */
function unescape(raw: string): string {
  return raw.replace(/\\(\r?\n\s*|.)/g, (_, c: string) =>
    c.startsWith("\n") || c.startsWith("\r") ? "" : (SIMPLE_ESCAPES[c] ?? c),
  );
}

// A `/` after one of these (or at the start) begins a regular expression literal in TypeScript.
const REGEX_PRECEDERS = new Set(["(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";"]);

export function lexSource(text: string, lang: SourceLanguage): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  const hashComments = lang === "python";
  const slashComments = lang !== "python";

  // Reads a quoted literal from `i` (at the opening quote); backslash escapes unless raw.
  const quoted = (quote: string, raw: boolean, openLength = quote.length): string => {
    const start = i + openLength;
    let j = start;
    while (j < n) {
      if (!raw && text[j] === "\\") {
        j += 2;
        continue;
      }
      if (text.startsWith(quote, j)) break;
      // A single-quoted, non-raw literal ends at the line's end in every language but Rust.
      if (quote.length === 1 && text[j] === "\n" && lang !== "rust" && quote !== "`") break;
      j += 1;
    }
    const body = text.slice(start, Math.min(j, n));
    i = Math.min(j + quote.length, n);
    return raw ? body : unescape(body);
  };

  // A JavaScript template: text parts split at each `${ ... }` (braces and nested literals counted).
  const template = (): { parts: string[]; interpolated: boolean } => {
    const parts: string[] = [];
    let j = i + 1;
    let buf = "";
    while (j < n && text[j] !== "`") {
      if (text[j] === "\\") {
        buf += text.slice(j, j + 2);
        j += 2;
      } else if (text[j] === "$" && text[j + 1] === "{") {
        parts.push(unescape(buf));
        buf = "";
        let depth = 1;
        j += 2;
        while (j < n && depth > 0) {
          const c = text[j];
          if (c === "{") depth += 1;
          else if (c === "}") depth -= 1;
          else if (c === "'" || c === '"' || c === "`") {
            const q = c;
            j += 1;
            while (j < n && text[j] !== q) j += text[j] === "\\" ? 2 : 1;
          }
          j += 1;
        }
      } else {
        buf += text[j];
        j += 1;
      }
    }
    parts.push(unescape(buf));
    i = Math.min(j + 1, n);
    return { parts, interpolated: parts.length > 1 };
  };

  while (i < n) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i += 1;
      continue;
    }
    const pos = i;
    if (slashComments && c === "/" && text[i + 1] === "/") {
      const e = text.indexOf("\n", i);
      i = e < 0 ? n : e;
      continue;
    }
    if (slashComments && c === "/" && text[i + 1] === "*") {
      const e = text.indexOf("*/", i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (hashComments && c === "#") {
      const e = text.indexOf("\n", i);
      i = e < 0 ? n : e;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < n && IDENT_PART.test(text[j]!)) j += 1;
      const word = text.slice(i, j);
      const next = text[j];
      // String prefixes: Python r/b/u/f (and pairs), Rust r"", r#""#, b"", br"".
      if (lang === "python" && /^[rRbBuUfF]{1,2}$/.test(word) && (next === '"' || next === "'")) {
        const raw = /r/i.test(word);
        const f = /f/i.test(word);
        i = j;
        const q = text.startsWith(next.repeat(3), i) ? next.repeat(3) : next;
        const v = quoted(q, raw);
        out.push({
          t: "str",
          parts: [v],
          interpolated: f && /\{(?!\{)/.test(v),
          template: false,
          pos,
        });
        continue;
      }
      if (lang === "rust" && /^(r|br|b)$/.test(word) && (next === '"' || next === "#")) {
        let hashes = 0;
        while (text[j + hashes] === "#") hashes += 1;
        if (text[j + hashes] === '"') {
          i = j + hashes;
          const v = quoted('"' + "#".repeat(hashes), word.includes("r"), 1);
          out.push({ t: "str", parts: [v], interpolated: false, template: false, pos });
          continue;
        }
      }
      out.push({ t: "ident", v: word, pos });
      i = j;
      continue;
    }
    if (c === '"' || (c === "'" && lang !== "rust")) {
      const q = lang === "python" && text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const v = quoted(q, false);
      out.push({ t: "str", parts: [v], interpolated: false, template: false, pos });
      continue;
    }
    if (c === "'" && lang === "rust") {
      // A char literal ('a', '\n') or a lifetime ('a): only the former is skipped as a literal.
      const m = /^'(\\.[^']*|[^'\\])'/.exec(text.slice(i, i + 12));
      if (m) i += m[0].length;
      else i += 1;
      continue;
    }
    if (c === "`" && lang === "go") {
      const v = quoted("`", true);
      out.push({ t: "str", parts: [v], interpolated: false, template: false, pos });
      continue;
    }
    if (c === "`" && lang === "ts") {
      const { parts, interpolated } = template();
      out.push({ t: "str", parts, interpolated, template: true, pos });
      continue;
    }
    if (c === "/" && lang === "ts") {
      const prev = out[out.length - 1];
      if (!prev || (prev.t === "punct" && REGEX_PRECEDERS.has(prev.v))) {
        // Skip a regular expression literal so its quotes are not read as strings.
        let j = i + 1;
        let inClass = false;
        while (j < n && text[j] !== "\n") {
          if (text[j] === "\\") j += 1;
          else if (text[j] === "[") inClass = true;
          else if (text[j] === "]") inClass = false;
          else if (text[j] === "/" && !inClass) break;
          j += 1;
        }
        i = j + 1;
        continue;
      }
    }
    out.push({ t: "punct", v: c, pos });
    i += 1;
  }
  return out;
}

/** 1-based line of each offset, by binary search over the line starts. */
export function lineIndex(text: string): (pos: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (pos) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
