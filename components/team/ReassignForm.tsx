"use client";
import { useActionState, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { buttonClass, errorTextClass, inputClass } from "@/components/ui/primitives";
import { initialActionState, type ActionState } from "@/lib/auth/action-state";
import { ClientNameField, type SuggestedClient } from "@/components/clients/ClientNameField";

/**
 * Moves a client to another lead consultant. The client is found by its name (suggested as the
 * manager types: a firm may have thousands), the client's current lead cannot be chosen, and the
 * move is confirmed first ("Move Rosa's Bakery from Priya to Tom?"), then announced in a toast.
 * Without JavaScript the form still submits the typed name, unconfirmed.
 */
export function ReassignForm({
  action,
  consultants,
}: {
  action: (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;
  consultants: { id: string; name: string }[];
}) {
  const t = useTranslations("team.reassign");
  const ids = useId();
  const [client, setClient] = useState<SuggestedClient | null>(null);
  // A new field after each move: the name typed for the last one goes.
  const [round, setRound] = useState(0);
  const [consultantId, setConsultantId] = useState("");
  const [pickedAfter, setPickedAfter] = useState(-1);
  const [asking, setAsking] = useState(false);
  const [missing, setMissing] = useState<{ client?: boolean; consultant?: boolean }>({});
  const confirmButton = useRef<HTMLButtonElement>(null);
  const reassignButton = useRef<HTMLButtonElement>(null);
  const consultant = consultants.find((c) => c.id === consultantId);

  const [state, formAction, pending] = useActionState(async (prev: ActionState | undefined, form: FormData) => {
    const res = await action(prev, form);
    if (res.ok && client && consultant) {
      toast.success(t("done", { client: client.name, consultant: consultant.name }));
      setClient(null);
      setRound((n) => n + 1);
      setConsultantId("");
    }
    setAsking(false);
    requestAnimationFrame(() => reassignButton.current?.focus());
    return res;
  }, initialActionState());

  function ask(e: React.MouseEvent) {
    e.preventDefault();
    const gaps = { client: !client, consultant: !consultant };
    setMissing(gaps);
    if (gaps.client) return document.getElementById(`${ids}-client`)?.focus();
    if (gaps.consultant) return document.getElementById(`${ids}-consultant`)?.focus();
    setAsking(true);
    requestAnimationFrame(() => confirmButton.current?.focus());
  }

  // The server's answer about the client stands until a client is picked after it.
  const serverClient = pickedAfter === state.n ? undefined : state.fieldErrors.clientName;
  const clientError = missing.client ? t("errors.client") : serverClient === "notFound" ? t("errors.notFound") : serverClient ? t("errors.client") : null;
  const consultantError = missing.consultant || state.fieldErrors.consultantId ? t("errors.consultant") : null;
  const from = client?.consultantName ?? t("unassigned");

  return (
    <form action={formAction} aria-label={t("form")} className="grid gap-3 sm:grid-cols-3 sm:items-end" noValidate>
      <ClientNameField
        key={round}
        id={`${ids}-client`}
        name="clientName"
        label={t("client")}
        error={clientError}
        className="min-w-0 text-sm"
        onPick={(next) => {
          // Called on each keystroke and each answer of the suggestions: only a change of client
          // cancels a confirmation, and only a found client clears the "choose a client" error.
          if (next?.id !== client?.id) setAsking(false);
          setClient(next);
          if (!next) return;
          if (next.consultantId === consultantId) setConsultantId("");
          setMissing((m) => ({ ...m, client: false }));
          setPickedAfter(state.n);
        }}
      />
      <label className="min-w-0 text-sm" htmlFor={`${ids}-consultant`}>
        {t("consultant")}
        <select
          id={`${ids}-consultant`}
          name="consultantId"
          required
          value={consultantId}
          onChange={(e) => {
            setConsultantId(e.target.value);
            setMissing((m) => ({ ...m, consultant: false }));
            setAsking(false);
          }}
          className={inputClass}
          aria-invalid={consultantError ? true : undefined}
          aria-describedby={consultantError ? `${ids}-consultant-error` : undefined}
        >
          <option value="">{t("chooseConsultant")}</option>
          {consultants.map((c) => {
            const current = client?.consultantId === c.id;
            return (
              <option key={c.id} value={c.id} disabled={current}>
                {current ? t("current", { name: c.name }) : c.name}
              </option>
            );
          })}
        </select>
        {consultantError ? <span id={`${ids}-consultant-error`} className={errorTextClass}>{consultantError}</span> : null}
      </label>
      {asking && client && consultant ? (
        <div role="group" aria-label={t("submit")} className="text-sm sm:col-span-3" onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
          <p className="mb-2 font-medium">{t("warning", { client: client.name, from, to: consultant.name })}</p>
          <div className="flex flex-wrap gap-2">
            <button ref={confirmButton} type="submit" disabled={pending} aria-label={t("confirm", { client: client.name })} className={buttonClass("primary")}>
              {t("yes")}
            </button>
            <button type="button" onClick={() => setAsking(false)} className={buttonClass("secondary")}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button ref={reassignButton} type="submit" onClick={ask} className={buttonClass("primary", "justify-self-start")}>
          {t("submit")}
        </button>
      )}
      {!state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-3 dark:text-red-300">{t("errors.failed")}</p>
      ) : null}
    </form>
  );
}
