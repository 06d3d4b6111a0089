import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/IntentLink";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { fieldsOf, type CheckInWithStage } from "@/db/queries/checkins";
import { activeOverride } from "@/db/queries/overrides";
import { can } from "@/lib/auth/permissions";
import { formatDay } from "@/lib/i18n/format";
import { inferStages, type Locale as EngineLocale, type StageSettings } from "@/lib/stages";
import { firmSettings } from "@/db/queries/rules";
import { forActor } from "@/lib/auth/actor";
import { OVERRIDE_REASON_MAX } from "@/lib/validation/override";
import { StageBadge } from "@/components/stage/StageBadge";
import { buttonClass, Card, PageHeader, ScrollRegion, tableClass, tdClass, thClass } from "@/components/ui/primitives";
import { StageTimeline, type TimelinePoint } from "@/components/charts/StageTimeline";
import { SignalCharts } from "@/components/charts/SignalCharts";
import { OverrideForm } from "@/components/checkin/OverrideForm";
import { ConfirmSubmit } from "@/components/clients/ConfirmSubmit";
import { FocusedStatus } from "@/components/clients/FocusedStatus";
import { createOverrideAction, withdrawOverrideAction } from "./actions";
import { loadClientPage } from "./load";
import { OutlookSection } from "./OutlookSection";
import { todayFor } from "@/lib/time/zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("client");
  return { title: t("metaTitle") };
}

type Search = { saved?: string; from?: string; to?: string; confirm?: string };
const FLASH_KINDS = ["created", "updated", "deleted", "override", "withdrawn"] as const;
type FlashKind = (typeof FLASH_KINDS)[number];
type StageKey = 1 | 2 | 3 | 4 | 5 | 6;

const muted = "text-slate-600 dark:text-slate-300";
const link = "text-indigo-700 hover:underline dark:text-indigo-300";
const cardDark = "min-w-0 dark:border-slate-700 dark:bg-slate-900";

function stageParam(v: string | undefined): number | null {
  const n = Number(v);
  return v && Number.isInteger(n) && n >= 1 && n <= 6 ? n : null;
}

async function Flash({ search, current }: { search: Search; current: number | null }) {
  const kind = FLASH_KINDS.find((k) => k === search.saved) as FlashKind | undefined;
  if (!kind) return null;
  const t = await getTranslations("client");
  const from = stageParam(search.from);
  const to = stageParam(search.to);
  const parts: string[] = [t(`flash.${kind}`)];
  if (kind === "created" || kind === "updated" || kind === "deleted") {
    if (from !== null && to !== null && from !== to) parts.push(t("flash.moved", { from, to }));
    else if (from !== null && to !== null) parts.push(t("flash.stays", { stage: to }));
    if (current !== null) parts.push(t("flash.now", { stage: current, name: t(`stages.${current as StageKey}.name`) }));
    else parts.push(t("flash.noStage"));
  }
  return <FocusedStatus testId="flash">{parts.join(" ")}</FocusedStatus>;
}

/**
 * The engine's reasons and next steps in the user's language. Stored assessments keep the
 * engine's English; for another language the (pure, fast) engine runs again over the same
 * check-ins with that language's catalogue, and its words are used where its stage agrees.
 */
function localizedExplanations(checkIns: CheckInWithStage[], locale: string, settings?: StageSettings): Map<string, { reasons: string[]; missing: string[] }> {
  const out = new Map<string, { reasons: string[]; missing: string[] }>();
  if (locale === "en" || checkIns.length === 0) return out;
  // With the firm's applied rules (issue #13), so the stages agree with the stored ones.
  const entries = inferStages(checkIns.map(fieldsOf), { locale: locale as EngineLocale, settings });
  for (const e of entries) {
    const c = checkIns[e.index];
    if (c && c.stage === e.stage) out.set(c.id, { reasons: e.reasons, missing: e.missing });
  }
  return out;
}

export default async function ClientPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<Search> }) {
  const { clientId } = await params;
  const search = await searchParams;
  const loaded = await loadClientPage(clientId);
  if (!loaded) notFound();
  const [t, tc, format, locale] = await Promise.all([getTranslations("client"), getTranslations("checkin"), getFormatter(), getLocale()]);
  const { actor, client, history, overrides, self } = loaded;
  const checkIns = history ?? [];
  const allOverrides = overrides ?? [];
  const latest = checkIns.at(-1) ?? null;
  const active = activeOverride(allOverrides);
  const writable = can(actor, "checkins.write");
  const overridable = can(actor, "overrides.write");
  const today = todayFor(actor);
  const base = `/clients/${clientId}`;
  const day = (iso: string) => formatDay(format, iso);
  const words = localizedExplanations(checkIns, locale, locale === "en" ? undefined : await forActor(actor, (db) => firmSettings(db, actor)));
  const reasonsOf = (c: CheckInWithStage) => words.get(c.id)?.reasons ?? c.reasons ?? [];
  const missingOf = (c: CheckInWithStage) => words.get(c.id)?.missing ?? c.missing ?? [];
  const stageName = (s: number) => t("stageLabel", { stage: s, name: t(`stages.${s as StageKey}.name`) });

  const points: TimelinePoint[] = [
    ...checkIns.filter((c) => c.stage !== null).map((c) => ({ date: c.date, stage: c.stage!, kind: "inferred" as const, reasons: reasonsOf(c).slice(0, 3) })),
    ...allOverrides.map((o) => ({ date: o.effectiveDate, stage: o.stage, kind: "override" as const, reasons: [o.reason], withdrawn: o.withdrawnAt !== null })),
  ];

  return (
    <section className="min-w-0">
      <p className="mb-2 text-sm"><IntentLink href="/clients" className={link}>← {t("backToList")}</IntentLink></p>
      <PageHeader
        title={client.name}
        subtitle={t("subtitle", { industry: client.industry ?? t("noIndustry"), consultant: client.consultantName ?? t("unassigned") })}
        actions={
          <>
            {writable ? <IntentLink href={`${base}/checkins/new`} className={buttonClass("primary")}>{t("logCheckIn")}</IntentLink> : null}
            <a href={`/export?format=csv&client=${clientId}`} className={buttonClass("secondary")}>{t("exportCsv")}</a>
            <a href={`/export?format=json&client=${clientId}`} className={buttonClass("secondary")}>{t("exportJson")}</a>
          </>
        }
      />
      {client.archived ? <p className="mb-4 rounded bg-slate-100 p-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">{t("archived")}</p> : null}
      <Flash search={search} current={latest?.stage ?? null} />

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title={t("inferred.title")} className={`lg:col-span-2 ${cardDark}`}>
          <div data-testid="inferred-stage" data-stage={latest?.stage ?? ""}>
            {latest && latest.stage !== null ? (
              <>
                <StageBadge stage={latest.stage} />
                <span className={`ml-2 text-sm ${muted}`}>
                  {t("inferred.confidence", { confidence: latest.confidence ?? 0 })} · {t("inferred.asOf", { date: day(latest.date) })}
                </span>
                <div className="mt-3 grid gap-4 sm:grid-cols-2">
                  <div>
                    <h3 className={`text-sm font-medium ${muted}`}>{t("inferred.why")}</h3>
                    <ul className="mt-1 list-disc pl-5 text-sm">{reasonsOf(latest).map((r) => <li key={r}>{r}</li>)}</ul>
                  </div>
                  <div>
                    <h3 className={`text-sm font-medium ${muted}`}>{latest.stage >= 6 ? t("inferred.topReached") : t("inferred.nextNeeds", { stage: latest.stage + 1 })}</h3>
                    {missingOf(latest).length > 0 ? (
                      <ul className="mt-1 list-disc pl-5 text-sm">{missingOf(latest).map((r) => <li key={r}>{r}</li>)}</ul>
                    ) : (
                      <p className="mt-1 text-sm">{t("inferred.nothingMissing")}</p>
                    )}
                  </div>
                </div>
              </>
            ) : (
              // No stage yet: the card itself invites the first check-in.
              <div className="space-y-2">
                <StageBadge stage={null} />
                <p className="font-medium">{t("empty.title")}</p>
                <p className={`text-sm ${muted}`}>{t("empty.body")}</p>
                {writable ? (
                  <IntentLink href={`${base}/checkins/new`} className={buttonClass("primary")}>{t("empty.action")}</IntentLink>
                ) : null}
              </div>
            )}
          </div>
        </Card>

        <div className="min-w-0 space-y-4">
          <Card title={t("override.title")} className={cardDark}>
            <div id="override" data-testid="override" data-stage={active?.stage ?? ""}>
              {active ? (
                <div className="space-y-1 text-sm">
                  <StageBadge stage={active.stage} />
                  {latest?.stage != null && latest.stage !== active.stage ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">{t("override.differs")}</span>
                  ) : null}
                  <p className="whitespace-pre-line break-words">{active.reason}</p>
                  <p className={`text-xs ${muted}`}>{t("override.by", { name: active.authorName ?? t("override.formerUser"), date: day(active.effectiveDate) })}</p>
                  {active.internal ? <p className={`text-xs ${muted}`}>{t("override.internal")}</p> : null}
                  {overridable ? (
                    <div className="pt-1">
                      <ConfirmSubmit
                        action={withdrawOverrideAction}
                        fields={{ clientId, overrideId: active.id }}
                        label={t("override.withdraw")}
                        confirmLabel={t("override.confirmWithdraw")}
                        cancelLabel={t("override.cancel")}
                        askHref={`${base}?confirm=withdraw#override`}
                        cancelHref={`${base}#override`}
                        asking={search.confirm === "withdraw"}
                        className="text-sm"
                      />
                    </div>
                  ) : null}
                </div>
              ) : (
                <p className={`text-sm ${muted}`}>{t("override.none")}</p>
              )}
            </div>
            {overridable ? (
              <details className="mt-3 border-t border-slate-100 pt-3 dark:border-slate-700">
                <summary className="cursor-pointer text-sm font-medium text-indigo-700 dark:text-indigo-300">{active !== null ? t("override.change") : t("override.add")}</summary>
                <div className="mt-2">
                  <OverrideForm clientId={clientId} today={today} hasActive={active !== null} saveAction={createOverrideAction} reasonMax={OVERRIDE_REASON_MAX} />
                </div>
              </details>
            ) : null}
          </Card>
          <Card title={t("self.title")} className={cardDark}>
            <div data-testid="self-assessment" data-stage={self?.stage ?? ""} className="space-y-1 text-sm">
              {self ? (
                <>
                  <StageBadge stage={self.stage} />
                  {self.note ? <p className="break-words">{self.note}</p> : null}
                  <p className={`text-xs ${muted}`}>{t("self.on", { date: day(self.date) })}</p>
                </>
              ) : (
                <p className={muted}>{t("self.none")}</p>
              )}
            </div>
          </Card>
        </div>
      </div>

      <OutlookSection clientId={clientId} className={`mt-4 ${cardDark}`} />

      {checkIns.length === 0 ? null : (
        <>
          <Card title={t("timeline.sectionTitle")} className={`mt-6 ${cardDark}`}>
            <StageTimeline
              points={points}
              text={{
                title: t("timeline.title"), inferred: t("timeline.inferred"), override: t("timeline.override"), withdrawn: t("timeline.withdrawn"),
                date: t("timeline.date"), stage: t("timeline.stage"), kind: t("timeline.kind"), why: t("timeline.why"),
                stageLabels: Object.fromEntries([1, 2, 3, 4, 5, 6].map((s) => [s, stageName(s)])),
              }}
            />
          </Card>
          <section className="mt-6 min-w-0">
            <h2 className="mb-2 text-base font-semibold">{t("signals.title")}</h2>
            <SignalCharts
              points={checkIns.map((c) => ({ date: c.date, posts: c.postsLast30d, automatedShare: c.automatedShare, followers: c.followers }))}
              text={{ posts: t("signals.posts"), automated: t("signals.automated"), followers: t("signals.followers") }}
            />
          </section>
          <section className="mt-6 min-w-0">
            <h2 id="history-title" className="mb-2 text-base font-semibold">{t("history.title")}</h2>
            <ScrollRegion label={t("history.title")}>
              <table className={`${tableClass} dark:bg-slate-900`} aria-labelledby="history-title">
                <thead>
                  <tr>
                    <th scope="col" className={thClass}>{t("history.date")}</th>
                    <th scope="col" className={thClass}>{t("history.stage")}</th>
                    <th scope="col" className={thClass}>{t("history.posts")}</th>
                    <th scope="col" className={thClass}>{t("history.automated")}</th>
                    <th scope="col" className={thClass}>{t("history.rhythm")}</th>
                    <th scope="col" className={thClass}>{t("history.replies")}</th>
                    <th scope="col" className={thClass}>{t("history.results")}</th>
                    <th scope="col" className={thClass}>{t("history.by")}</th>
                    {writable ? <th scope="col" className={thClass}>{t("history.actions")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {[...checkIns].reverse().map((c) => (
                    <tr key={c.id} data-testid="checkin-row">
                      <td className={`${tdClass} whitespace-nowrap`}><time dateTime={c.date}>{day(c.date)}</time></td>
                      <td className={tdClass}><StageBadge stage={c.stage} compact /></td>
                      <td className={tdClass}>{format.number(c.postsLast30d)}</td>
                      <td className={tdClass}>{t("history.percent", { share: c.automatedShare })}</td>
                      <td className={tdClass}>{t(`rhythmShort.${c.rhythm}`)}</td>
                      <td className={tdClass}>{tc(`options.replies.${c.replies}`)}</td>
                      <td className={tdClass}>{tc(`options.results.${c.results}`)}</td>
                      <td className={tdClass}>{c.authorName ?? c.consultant ?? ""}</td>
                      {writable ? (
                        <td className={`${tdClass} whitespace-nowrap`}>
                          {/* Plain links: two per row would otherwise each hydrate and prefetch their page. */}
                          <a href={`${base}/checkins/${c.id}/edit`} aria-label={t("history.editLabel", { date: day(c.date) })} className={link}>{t("history.edit")}</a>
                          {" · "}
                          <a href={`${base}/checkins/${c.id}/delete`} aria-label={t("history.deleteLabel", { date: day(c.date) })} className="text-red-700 hover:underline dark:text-red-300">{t("history.delete")}</a>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
    </section>
  );
}
