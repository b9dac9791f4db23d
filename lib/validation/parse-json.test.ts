import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "./parse-json";

const schema = z.object({ title: z.string(), tags: z.array(z.string()).optional() });

describe("parseJsonBody", () => {
  it("refuses text PostgreSQL cannot store, naming the field, before the schema", () => {
    const refusal = (text: string) => {
      try {
        parseJsonBody(text, schema);
      } catch (err) {
        return err as AppError;
      }
      throw new Error("not refused");
    };
    expect(refusal('{"title":"a\\u0000b"}').message).toBe("title: contains a NUL character.");
    const half = refusal('{"title":"ok","tags":["x","\\udc00"]}');
    expect(half.code).toBe("invalid");
    expect(half.message).toMatch(/^tags\[1\]: contains an unpaired surrogate/);
    // A whole pair is a character.
    expect(parseJsonBody('{"title":"\\ud83d\\ude00"}', schema)).toEqual({ title: "😀" });
  });
});
