import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/import/ImportWizard";
import { linkClass, mutedClass, PageHeader } from "@/components/ui/primitives";
import { withConsultantChoices } from "../consultant-choices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("importer"))("title") };
}

export default async function ImportPage() {
  const { consultants } = await withConsultantChoices("checkins.import");
  const t = await getTranslations("importer");
  return (
    <section>
      <PageHeader
        title={t("title")}
        subtitle={t.rich("subtitle", {
          link: (chunks) => (
            // A file, not a page: a plain link. A prefetch of it would run the whole export.
            <a href="/export?format=csv" className={linkClass}>
              {chunks}
            </a>
          ),
        })}
      />
      <ul className={`mb-4 list-disc space-y-1 pl-5 text-sm break-words ${mutedClass}`}>
        <li>{t("rules.columns")}</li>
        <li>
          {t("rules.matching")} {consultants ? t("rules.newChosen") : t("rules.newYours")}
        </li>
        <li>{t("rules.duplicates")}</li>
      </ul>
      <ImportWizard consultants={consultants} />
    </section>
  );
}
