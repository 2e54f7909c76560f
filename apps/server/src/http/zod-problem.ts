import type { z } from "zod";
import { Problem } from "./problem";

/** Parses a request part with a shared schema; failures name each bad field for the client. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({
    field: i.path.join(".") || what,
    message: i.code === "invalid_type" && i.input === undefined ? "is required" : i.message,
  }));
  throw new Problem(
    400,
    `Invalid ${what}`,
    errors.map((e) => `${e.field}: ${e.message}`).join("; "),
    { errors },
  );
}
