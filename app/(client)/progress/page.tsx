import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import { formatDay, DAY_LONG } from "@/lib/i18n/format";
import { todayFor } from "@/lib/time/zone";
import { messagesFor, type Stage } from "@/lib/stages";
import { explainForClient } from "@/lib/stages/localized";
import { StageBadge } from "@/components/stage/StageBadge";
import { JourneyChart } from "@/components/charts/JourneyChart";
import { JourneyList } from "@/components/progress/JourneyList";
import { PrintButton } from "@/components/progress/PrintButton";
import { SelfAssessmentForm } from "@/components/progress/SelfAssessmentForm";
import { selfAssessAction } from "./actions";
import { loadProgress } from "./load";
import "./progress.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("metaTitle") };
}

const STAGES = [1, 2, 3, 4, 5, 6] as const;

function Section({ id, title, children, className = "" }: { id: string; title: string; children: React.ReactNode; className?: string }) {
  return (
    <section
      aria-labelledby={id}
      className={`progress-card min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:shadow-none ${className}`}
    >
      <h2 id={id} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {items.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

/** A client's own page: where they are, how they got there, what moves them on. Phone first. */
export default async function ProgressPage() {
  const { actor, progress: p, history, settings } = await loadProgress();
  if (!p) notFound();
  const t = await getTranslations("progress");
  const tStages = await getTranslations("client.stages");
  const tHelp = await getTranslations("outlook.help");
  // Each stage has its own number of tips: read the stage's group whole, in the request's language.
  const helpTips = (await getMessages()).outlook.help.stages;
  const format = await getFormatter();
  const locale = (await getLocale()) === "bn" ? "bn" : "en";
  const day = (iso: string) => formatDay(format, iso);
  const name = (s: number) => tStages(`${s as Stage}.name`);
  const labels = Object.fromEntries(STAGES.map((s) => [s, name(s)]));
  const you = messagesFor(locale, "client");

  const cur = p.current;
  // The engine's words in the client's language and voice; the stage and date stay the stored ones.
  const explained = explainForClient(history, locale, settings);
  const latest = explained.reduce<(typeof explained)[number] | null>((a, e) => (a === null || e.seq > a.seq ? e : a), null);
  const words = latest && cur && latest.stage === cur.stage ? latest : null;
  const strengths = words?.strengths ?? [];
  const missing = words?.missing ?? [];
  const notes = words?.notes ?? [];

  return (
    <div className="progress-page mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{p.client.name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("subtitle")}</p>
          <p className="printed-on hidden text-sm text-slate-700 print:block dark:text-slate-300">
            {t("printedOn", { date: formatDay(format, todayFor(actor), DAY_LONG) })}
          </p>
        </div>
        {cur ? <PrintButton /> : null}
      </div>

      {!cur ? (
        <Section id="now" title={t("now.title")}>
          <p>{t("now.none")}</p>
        </Section>
      ) : (
        <>
          <Section id="now" title={t("now.title")}>
            <div className="flex flex-wrap items-center gap-2">
              <StageBadge stage={cur.stage} compact />
              <span className="text-sm text-slate-600 dark:text-slate-400">{t("now.asOf", { date: day(cur.date) })}</span>
            </div>
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t("now.stageIs", { stage: cur.stage })}</p>
            <p className="text-lg font-medium break-words">“{name(cur.stage)}”</p>
            <p className="mt-1">{you.summaries[cur.stage as Stage]}</p>
            {notes.length ? (
              <ul className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-300">
                {notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            ) : null}
            {p.override ? (
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                {p.override.reason
                  ? t("now.overrideWithReason", { stage: p.override.stage, date: day(p.override.effectiveDate), reason: p.override.reason })
                  : t("now.override", { stage: p.override.stage, date: day(p.override.effectiveDate) })}
              </p>
            ) : null}
          </Section>

          <div className="grid gap-4 md:grid-cols-2">
            <Section id="strengths" title={t("strengths.title")}>
              {strengths.length ? <List items={strengths} /> : <p className="text-sm">{t("strengths.none")}</p>}
            </Section>
            <Section id="next" title={cur.stage < 6 ? t("next.title", { stage: cur.stage + 1 }) : t("next.titleTop")}>
              {missing.length ? <List items={missing.slice(0, 5)} /> : <p className="text-sm">{t("next.top")}</p>}
            </Section>
          </div>

          <Section id="helps" title={tHelp("title")}>
            <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">{tHelp("intro")}</p>
            {/* Tips for the stage, in the client's words: deliberately no figures from the outlook. */}
            <List items={Object.values(helpTips[`s${cur.stage as Stage}`])} />
          </Section>

          <Section id="journey" title={t("journey.title")} className="journey-card">
            <JourneyChart title={t("journey.chartTitle")} points={p.journey} />
            {p.journey.length === 1 ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t("journey.onePoint")}</p> : null}
            <JourneyList points={p.journey} />
          </Section>

          <Section id="milestones" title={t("milestones.title")}>
            <ol className="grid gap-2 sm:grid-cols-2">
              {p.milestones.map((m) => (
                <li key={m.stage} className="flex flex-wrap items-center gap-2 text-sm">
                  <StageBadge stage={m.stage} compact />
                  <span>{t.rich("milestones.reached", { date: day(m.date), time: (chunks) => <time dateTime={m.date}>{chunks}</time> })}</span>
                </li>
              ))}
            </ol>
          </Section>
        </>
      )}

      {p.sharedNotes.length ? (
        <Section id="notes" title={t("notes.title")}>
          <ul className="space-y-2 text-sm">
            {p.sharedNotes.map((n, i) => (
              <li key={i} className="break-words">
                <time dateTime={n.date} className="text-slate-600 dark:text-slate-400">{day(n.date)}:</time> {n.notes}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="self" title={t("self.title")} className="self-card">
        {p.self ? (
          <p className="mb-3 text-sm break-words" data-testid="self-answer">
            {t.rich(p.self.note ? "self.answerWithNote" : "self.answer", {
              stage: p.self.stage,
              date: day(p.self.date),
              note: p.self.note ?? "",
              time: (chunks) => <time dateTime={p.self!.date}>{chunks}</time>,
            })}{" "}
            <span className="no-print text-slate-600 dark:text-slate-400">{t("self.change")}</span>
          </p>
        ) : (
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("self.ask")}</p>
        )}
        <SelfAssessmentForm action={selfAssessAction} labels={labels} current={p.self?.stage ?? null} />
      </Section>
    </div>
  );
}
