import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link that a list repeats on every row (a client's name, most often): client-side navigation
 * on click, and no prefetch at all. A `<Link>` prefetches its page when it scrolls into view, and a
 * client's page loads its whole history in its layout, above its loading state: opening the
 * client list made the browser ask for about 30 client pages, and the server spent about 15 times
 * the list's own time on them (docs/performance.md, `npm run bench:browse`). Not IntentLink
 * either: a pointer crossing a list would load a client page for every row it passed over.
 * Other links to pages are IntentLinks, and links to files (exports) plain <a>: a prefetch of a
 * route handler runs it. In app/ and components/, eslint.config.mjs keeps `next/link` to these two files.
 */
export function RowLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
