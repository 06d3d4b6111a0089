import type { Metadata } from "next";
import { NewClientForm } from "@/components/clients/NewClientForm";
import { PageHeader } from "@/components/ui/primitives";
import { createClientAction } from "../actions";
import { withConsultantChoices } from "../../consultant-choices";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const { consultants } = await withConsultantChoices("clients.create");
  return (
    <section>
      <PageHeader title="New client" subtitle={consultants ? "Name the client and choose its lead consultant." : "The client will be assigned to you."} />
      <NewClientForm action={createClientAction} consultants={consultants} />
    </section>
  );
}
