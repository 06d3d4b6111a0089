import type { Metadata } from "next";
import { getDb } from "@/db";
import { listAssignableConsultants } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";
import { NewClientForm } from "@/components/clients/NewClientForm";
import { PageHeader } from "@/components/ui/primitives";
import { createClientAction } from "../actions";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const actor = await requirePermission("clients.create");
  const consultants = await listAssignableConsultants(await getDb(), actor);
  return (
    <section>
      <PageHeader title="New client" subtitle={consultants ? "Name the client and choose its lead consultant." : "The client will be assigned to you."} />
      <NewClientForm action={createClientAction} consultants={consultants} />
    </section>
  );
}
