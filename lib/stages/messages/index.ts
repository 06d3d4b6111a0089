import { en } from "./en";
import type { StageMessages } from "./types";

export type Locale = "en";
const catalogues: Record<Locale, StageMessages> = { en };

export function messagesFor(locale: Locale = "en"): StageMessages {
  return catalogues[locale] ?? en;
}
export type { StageMessages } from "./types";
