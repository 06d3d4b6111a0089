// Next.js calls register() once per server start, before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootOrExit } = await import("./db/boot");
  await bootOrExit();
  // From here on every error report (Next's own included) is a JSON line without user data.
  const { routeConsoleToLogger } = await import("./lib/log");
  routeConsoleToLogger();
}
