// What the create-client action answers: error codes per field (the form turns them into words).
export type NewClientErrorCode = "required" | "tooLong" | "duplicate" | "invalid";

export interface NewClientFormState {
  errors: Partial<Record<"name" | "industry" | "notes" | "consultantId", NewClientErrorCode>>;
  values: { name: string; industry: string; notes: string; consultantId: string };
}

export const EMPTY_NEW_CLIENT: NewClientFormState = { errors: {}, values: { name: "", industry: "", notes: "", consultantId: "" } };
