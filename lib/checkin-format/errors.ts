import type { FormatError } from "./types";

/** "line 7, column rhythm: expected none, sporadic or scheduled, got \"weekly\"" */
export function formatErrorMessage(e: FormatError): string {
  const where: string[] = [];
  if (e.line !== undefined) where.push(`line ${e.line}`);
  if (e.index !== undefined) where.push(`index ${e.index}`);
  if (e.column !== null) where.push(`column ${e.column}`);
  return where.length > 0 ? `${where.join(", ")}: ${e.message}` : e.message;
}
