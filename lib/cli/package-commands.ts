// `package create --out FILE.zip [--from D --to D]` builds an audit package as the command line
// (CLI_ACTOR); `package verify FILE.zip [--fingerprint HEX]` unpacks one into a temporary folder
// and runs the package's own checks (verify.mjs) on it.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { buildPackage } from "@/lib/package/build-package";
import { unzipTo } from "@/lib/package/unzip";
import { verifyPackage } from "@/lib/package/verify.mjs";

type Out = (line: string) => void;

export async function runPackageCreate(
  opts: { out?: string; from?: string; to?: string },
  out: Out = console.log,
): Promise<number> {
  if (!opts.out) throw invalid("--out: name the ZIP file to write (e.g. --out audit.zip)");
  let last = "";
  const built = await buildPackage(CLI_ACTOR, {
    from: opts.from,
    to: opts.to,
    outFile: path.resolve(opts.out),
    onProgress: (p) => {
      const line = `${p.done}/${p.total} ${p.step}`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line.slice(0, 100).padEnd(100)}`);
      last = line;
    },
  });
  if (process.stderr.isTTY && last) process.stderr.write("\n");
  out(
    `Wrote ${built.file}: ${built.period.from} to ${built.period.to}, ${built.files} files, ${built.size} bytes.`,
  );
  out(`Signing key fingerprint: ${built.fingerprint}`);
  return 0;
}

export async function runPackageVerify(
  opts: { file?: string; fingerprint?: string },
  out: Out = console.log,
): Promise<number> {
  if (!opts.file) throw invalid("Name the package: package verify FILE.zip");
  const dir = await mkdtemp(path.join(os.tmpdir(), "trustboard-verify-"));
  try {
    await unzipTo(path.resolve(opts.file), dir);
    const r = await verifyPackage(dir, { fingerprint: opts.fingerprint });
    for (const w of r.warnings) out(`warning: ${w}`);
    if (!r.ok) {
      out(`FAILED: ${r.problems[0]}`);
      for (const p of r.problems.slice(1)) out(`also: ${p}`);
      return 1;
    }
    out(
      `OK: ${r.files} files match manifest.json, signature valid (key ${r.fingerprint}), ${r.activityRows} activity rows chained`,
    );
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
