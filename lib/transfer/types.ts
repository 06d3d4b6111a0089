// What an import preview or run says about each client in the file: the query builds it
// (db/queries/import.ts) and the wizard shows it (components/import), so it lives here once.

export interface ImportClientSummary {
  /** The name as written in the file (first occurrence). */
  name: string;
  /** Existing client id when matched; null for a client the import would create. */
  id: string | null;
  /** The stored name when matched (its case may differ from the file's). */
  storedName: string | null;
  archived: boolean;
  records: number;
  /** Records that would be (or were) added. */
  toCreate: number;
  duplicates: number;
}
