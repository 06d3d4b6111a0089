"use client";
import { useEffect, useState } from "react";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/primitives";

/** Light, dark, or as the device: kept by next-themes in this browser. */
export function ThemeSwitch() {
  const t = useTranslations("settings.theme");
  const { theme, setTheme } = useTheme();
  // The stored choice is known only in the browser: render the default until mounted.
  const [mounted, setMounted] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setMounted(true), []);
  return (
    <label className="block max-w-xs text-sm">
      {t("label")}
      <select className={inputClass} value={mounted ? (theme ?? "system") : "system"} onChange={(e) => setTheme(e.target.value)} data-testid="theme-switch">
        <option value="system">{t("system")}</option>
        <option value="light">{t("light")}</option>
        <option value="dark">{t("dark")}</option>
      </select>
    </label>
  );
}
