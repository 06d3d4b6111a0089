// Input and output of the stage engine. The engine needs only the behavioural fields: those
// marked `engine` in CHECKIN_FIELDS (vocabulary.ts).
import type { CheckInFields, EngineFieldKey } from "./vocabulary";

export type Stage = 1 | 2 | 3 | 4 | 5 | 6;

export type StageInput = Pick<CheckInFields, EngineFieldKey>;

export interface StageEntry {
  /** Position of this check-in in the array given to inferStages (so callers can map back). */
  index: number;
  date: string;
  stage: Stage;
  confidence: number; // 0-1
  reasons: string[]; // evidence for the stage, plain words
  missing: string[]; // what the next stage still needs; empty exactly at stage 6
}
