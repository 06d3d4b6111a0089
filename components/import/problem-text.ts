// A problem line of an import, in the reader's language: "line 7, column rhythm: ..." with the
// problem itself worded from its code (lib/checkin-format/errors.ts problemOf). The server's English
// message is shown only for a message problemOf does not know (its test keeps that list empty).
import type { createFormatter, createTranslator } from "next-intl";
import { problemOf } from "@/lib/checkin-format/errors";
import { formatDay } from "@/lib/i18n/format";
import type { Messages } from "@/messages/en";
import type { ErrorDetail } from "./transport";

type ImporterT = ReturnType<typeof createTranslator<Messages, "importer">>;
type Formatter = ReturnType<typeof createFormatter>;

/** The problem alone, in the reader's words. */
export function problemText(d: Pick<ErrorDetail, "column" | "message">, t: ImporterT, format: Formatter): string {
  const p = problemOf(d.message, d.column);
  if (!p) return d.message;
  const values: Record<string, string | number> = { ...p.values };
  if (p.allowed) values.allowed = format.list(p.allowed, { type: "disjunction" });
  // The file's own date stays as written (it is what to look for); today is in the reader's format.
  if (p.code === "futureDate") values.today = formatDay(format, String(p.values.today));
  return t(`invalid.problems.${p.code}`, values);
}

/** "line 7, column rhythm: ..." with the line or index and the column first, when known. */
export function describeProblem(d: ErrorDetail, t: ImporterT, format: Formatter): string {
  const where: string[] = [];
  if (d.line !== undefined) where.push(t("invalid.line", { line: format.number(d.line, { useGrouping: false }) }));
  if (d.index !== undefined) where.push(t("invalid.index", { index: format.number(d.index, { useGrouping: false }) }));
  if (d.column !== null) where.push(t("invalid.column", { column: d.column }));
  const message = problemText(d, t, format);
  return where.length > 0 ? t("invalid.problem", { where: where.join(", "), message }) : message;
}
