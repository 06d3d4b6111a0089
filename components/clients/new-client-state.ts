// What the create-client action answers: the one ActionState shape, with an error code per field
// (the form turns the codes into words).
import { initialActionState, type ActionState } from "@/lib/auth/action-state";

export type NewClientErrorCode = "required" | "tooLong" | "duplicate" | "invalid";
export type NewClientField = "name" | "industry" | "notes" | "consultantId";

export type NewClientFormState = ActionState;

export const EMPTY_NEW_CLIENT: NewClientFormState = initialActionState();
