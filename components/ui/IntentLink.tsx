"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps, FocusEvent, MouseEvent, TouchEvent } from "react";

type Props = Omit<ComponentProps<typeof Link>, "prefetch" | "href" | "legacyBehavior"> & { href: string };

/**
 * A link to a page (anything but a list's rows: see RowLink) that prefetches it when the user
 * reaches for it (pointer over it, keyboard focus, a finger down), not when it scrolls into view.
 * A `<Link>` prefetches as soon as it is visible, so every page load asked the server for every
 * section in the menu: about 20 requests and several times the page's own server time for a
 * manager (docs/performance.md, `npm run bench:browse`). Reaching for a link starts its prefetch
 * 100 to 300 ms before the click, which is most of what the prefetch bought. For pages only: a
 * link to a file (a route handler such as /export) is a plain <a>, since a prefetch runs the
 * handler and throws its answer away.
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(e);
        prefetch();
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(e);
        prefetch();
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(e);
        prefetch();
      }}
    />
  );
}
