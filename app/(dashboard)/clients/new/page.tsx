import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewClientForm } from "@/components/clients/NewClientForm";
import { PageHeader } from "@/components/ui/primitives";
import { createClientAction } from "../actions";
import { withConsultantChoices } from "../../consultant-choices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients.new");
  return { title: t("title") };
}

export default async function NewClientPage() {
  const { consultants } = await withConsultantChoices("clients.create");
  const t = await getTranslations("clients.new");
  return (
    <section>
      <PageHeader title={t("title")} subtitle={consultants ? t("subtitleManager") : t("subtitleSelf")} />
      <NewClientForm action={createClientAction} consultants={consultants} />
    </section>
  );
}
