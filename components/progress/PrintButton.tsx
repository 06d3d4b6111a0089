"use client";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/primitives";

/** Opens the browser's print dialog; the page's print styles fit it on A4. */
export function PrintButton() {
  const t = useTranslations("progress");
  return (
    <button type="button" onClick={() => window.print()} className={buttonClass("secondary", "no-print")} aria-label={t("printLabel")}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
        <path d="M5 2h10v5H5V2Zm-2 6h14a2 2 0 0 1 2 2v5h-3v3H4v-3H1v-5a2 2 0 0 1 2-2Zm3 6v2h8v-4H6v2Z" />
      </svg>
      {t("print")}
    </button>
  );
}
