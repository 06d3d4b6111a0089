"use client";
import { IntentLink } from "@/components/ui/IntentLink";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { focusClass } from "@/components/ui/primitives";

export interface NavLink {
  href: string;
  label: string;
}

const isCurrent = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

const LINK = `block rounded px-1 py-2 text-slate-700 hover:text-indigo-700 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-800 aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4 md:py-1 dark:text-slate-200 dark:hover:text-indigo-300 dark:aria-[current=page]:text-indigo-300 ${focusClass}`;

function Links({ links, pathname, className }: { links: NavLink[]; pathname: string; className: string }) {
  return (
    <ul className={className}>
      {links.map((l) => (
        <li key={l.href}>
          <IntentLink href={l.href} aria-current={isCurrent(pathname, l.href) ? "page" : undefined} className={LINK}>
            {l.label}
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * The main navigation. From md up, the links sit in the top bar; on a phone they fold into a
 * <details> menu, which opens without JavaScript, exposes its expanded state natively, closes on
 * Escape and after moving to another page. Only one of the two is displayed at a time, so only
 * one "Main" navigation is ever in the accessibility tree. The current page's link carries
 * aria-current="page".
 */
export function NavMenu({ links, label, menuLabel, account }: { links: NavLink[]; label: string; menuLabel: string; account?: React.ReactNode }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    menu.current?.removeAttribute("open");
  }, [pathname]);
  return (
    <>
      <nav aria-label={label} className="hidden text-sm md:block">
        <Links links={links} pathname={pathname} className="flex flex-wrap gap-x-3" />
      </nav>
      <details
        ref={menu}
        className="group md:hidden"
        onKeyDown={(e) => {
          if (e.key !== "Escape" || !menu.current?.open) return;
          menu.current.removeAttribute("open");
          menu.current.querySelector("summary")?.focus();
        }}
      >
        <summary
          className={`flex cursor-pointer list-none items-center gap-1.5 rounded border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden ${focusClass}`}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
            <path className="group-open:hidden" d="M2 4h12M2 8h12M2 12h12" />
            <path className="hidden group-open:block" d="M3.5 3.5l9 9M12.5 3.5l-9 9" />
          </svg>
          {menuLabel}
        </summary>
        <div className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white px-4 pb-3 shadow-md dark:border-slate-700 dark:bg-slate-900">
          <nav aria-label={label} className="text-base">
            <Links links={links} pathname={pathname} className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" />
          </nav>
          {account ? <div className="mt-2 border-t border-slate-200 pt-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">{account}</div> : null}
        </div>
      </details>
    </>
  );
}
