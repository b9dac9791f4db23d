import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILT_CONFIG_VAR, builtConfigEnv } from "./built-config";

describe("builtConfigEnv", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "tb-built-config-"));
    mkdirSync(path.join(root, ".next"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const write = (text: string) =>
    writeFileSync(path.join(root, ".next", "required-server-files.json"), text);

  it("hands the build's resolved configuration to the server", () => {
    const config = { experimental: { serverActions: { bodySizeLimit: "51mb" } }, distDir: ".next" };
    write(JSON.stringify({ version: 1, config, files: [] }));
    const env = builtConfigEnv(root);
    expect(JSON.parse(env[BUILT_CONFIG_VAR] ?? "null")).toEqual(config);
  });

  it("sets nothing without a build, or with a file it cannot read", () => {
    expect(builtConfigEnv(root)).toEqual({});
    write("{ not json");
    expect(builtConfigEnv(root)).toEqual({});
    write(JSON.stringify({ version: 1 }));
    expect(builtConfigEnv(root)).toEqual({});
  });
});
