import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/db";
import { getRulesOverview, runIsStale } from "@/db/queries/rules";
import { forActor, requirePermission } from "@/lib/auth/actor";
import { runPendingRecompute } from "@/lib/insight/recompute";
import { Card, PageHeader } from "@/components/ui/primitives";
import { RulesForm } from "@/components/insight/RulesForm";
import { RulesHistory } from "@/components/insight/RulesHistory";
import { RulesProgress } from "@/components/insight/RulesProgress";
import { previewRulesAction, recomputeStatusAction, resetRulesAction, saveRulesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rules"))("metaTitle") };
}

/** The firm's stage rules: thresholds, what-if, saving (versioned, audited), applying with a progress bar. Managers only. */
export default async function RulesPage() {
  const actor = await requirePermission("rules.manage");
  const t = await getTranslations("rules");
  const overview = await forActor(actor, (db) => getRulesOverview(db, actor));
  if (!overview) notFound();
  const { applied, latest, history, run } = overview;
  // A queued run, or one whose instance died: this visit starts it (any instance may).
  if (runIsStale(run)) {
    after(async () => {
      await runPendingRecompute((await getDatabase()).db, actor.firmId);
    });
  }
  const pending = latest.version > applied.version && run !== null && run.version === latest.version && run.finishedAt === null;
  return (
    <section className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<p className="text-sm font-medium" data-testid="rules-applied">{applied.version === 0 ? t("appliedDefaults") : t("applied", { version: applied.version })}</p>}
      />
      {pending ? <RulesProgress key={latest.version} version={latest.version} initial={{ appliedVersion: applied.version, run }} poll={recomputeStatusAction} /> : null}
      <Card title={t("thresholds")}>
        <RulesForm key={latest.version} values={latest.settings} previewAction={previewRulesAction} saveAction={saveRulesAction} resetAction={resetRulesAction} />
      </Card>
      <Card title={t("historyTitle")}>
        <RulesHistory versions={history} appliedVersion={applied.version} timeZone={actor.timeZone ?? "UTC"} />
      </Card>
    </section>
  );
}
