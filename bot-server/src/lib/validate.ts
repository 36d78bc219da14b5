// Parsing a request part with its zod schema: the value, or a 400 naming every bad field.
import type { z } from "zod";
import { AppError, fieldErrors } from "./errors.ts";

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === undefined) {
    throw AppError.badRequest("Send a JSON body with Content-Type: application/json", [
      { path: "(body)", message: "missing" },
    ]);
  }
  return parseInput(schema, body);
}

/** The query string (req.query) or path parameters (req.params), named by their keys in a 400. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    throw AppError.badRequest(`Invalid request: ${fields.map((f) => f.path).join(", ")}`, fields);
  }
  return parsed.data;
}
