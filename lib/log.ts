import pino, { type DestinationStream, type Logger } from "pino";

// Structured server logs (one JSON object a line). Errors are reduced to what an operator needs
// (kind, SQLSTATE, constraint, the SQL text with its $n placeholders, the stack) and never carry
// the values a user sent: drizzle puts query parameters into its error message, and PostgreSQL
// puts row values into `detail`. Those are dropped here, whoever logs the error.

const PARAMS = /\nparams: [\s\S]*$/;

interface SafeError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: SafeError;
}

/** An error as it may be logged: parameters and row values removed. */
export function safeError(err: unknown, depth = 0): SafeError | string {
  if (!(err instanceof Error)) return typeof err === "string" ? err.replace(PARAMS, "") : String(err);
  const e = err as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown };
  const out: SafeError = { type: e.name, message: e.message.replace(PARAMS, "") };
  if (typeof e.code === "string") out.code = e.code;
  if (typeof e.constraint === "string") out.constraint = e.constraint;
  if (typeof e.table === "string") out.table = e.table;
  if (typeof e.column === "string") out.column = e.column;
  if (e.stack) out.stack = e.stack.replace(e.message, out.message).replace(PARAMS, "");
  if (e.cause !== undefined && depth < 3) {
    const cause = safeError(e.cause, depth + 1);
    if (typeof cause !== "string") out.cause = cause;
  }
  return out;
}

export const REDACT_PATHS = [
  "params", "*.params", "detail", "*.detail", "password", "*.password", "token", "*.token",
  "authorization", "*.authorization", "cookie", "*.cookie", "req.headers.authorization", "req.headers.cookie",
];

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: safeError, error: safeError },
    },
    destination,
  );
}

export const log = createLogger();

/**
 * Sends console.error and console.warn (Next's own error reports included) through the logger,
 * so an error thrown anywhere in a request is logged without its parameters.
 */
export function routeConsoleToLogger(logger: Logger = log): void {
  const toEntry = (args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    const text = args
      .filter((a) => a !== err)
      .map((a) => (typeof a === "string" ? a.replace(PARAMS, "") : a instanceof Object ? "[object]" : String(a)))
      .join(" ");
    return { entry: err ? { err } : {}, text: text || (err as Error | undefined)?.message.replace(PARAMS, "") || "" };
  };
  console.error = (...args: unknown[]) => {
    const { entry, text } = toEntry(args);
    logger.error(entry, text);
  };
  console.warn = (...args: unknown[]) => {
    const { entry, text } = toEntry(args);
    logger.warn(entry, text);
  };
}
