"use client";
import { IntentLink } from "@/components/ui/IntentLink";
import { usePathname } from "next/navigation";
import { focusClass } from "@/components/ui/primitives";

export interface SubNavLink {
  href: string;
  label: string;
}

const TAB = `inline-block whitespace-nowrap rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-semibold aria-[current=page]:text-indigo-800 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200 ${focusClass}`;

/** A row of links between views of one area (the portfolio's overview, cohorts, agreement, rules); the current one carries aria-current. */
export function SubNav({ links, label }: { links: SubNavLink[]; label: string }) {
  const pathname = usePathname();
  // The first link is the area's root: current only on exactly that path.
  const current = (href: string, i: number) => (i === 0 ? pathname === href : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label} className="-mx-1 mb-4 overflow-x-auto print:hidden">
      <ul className="flex gap-1 px-1">
        {links.map((l, i) => (
          <li key={l.href}>
            <IntentLink href={l.href} aria-current={current(l.href, i) ? "page" : undefined} className={TAB}>
              {l.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
