import { en } from "./en";
import { bn } from "./bn";
import { enYou } from "./you-en";
import { bnYou } from "./you-bn";
import type { StageMessages } from "./types";

export type Locale = "en" | "bn";
export const STAGE_LOCALES: readonly Locale[] = ["en", "bn"];
/** Who is being addressed: the consultant reads about the client ("posts about 32 times a month"), the client reads about themselves ("You post ..."). */
export type Voice = "consultant" | "client";

const catalogues: Record<Voice, Record<Locale, StageMessages>> = {
  consultant: { en, bn },
  client: { en: enYou, bn: bnYou },
};

// The voice inferStages renders in when none is asked for. It is only ever changed for the length
// of one synchronous call (inVoice), so it is "consultant" whenever no such call is running.
let scopedVoice: Voice = "consultant";

export function messagesFor(locale: Locale = "en", voice: Voice = scopedVoice): StageMessages {
  return catalogues[voice]?.[locale] ?? en;
}

/**
 * Runs `run` (synchronous: nothing else can run before it returns) with messagesFor answering in
 * `voice`, so inferStages renders the client's own voice through the same code path.
 */
export function inVoice<T>(voice: Voice, run: () => T): T {
  const before = scopedVoice;
  scopedVoice = voice;
  try {
    return run();
  } finally {
    scopedVoice = before;
  }
}
export type { StageMessages } from "./types";
