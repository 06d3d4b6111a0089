import type { Metadata } from "next";
import { getDb } from "@/db";
import { listAssignableConsultants } from "@/db/queries/clients";
import { requirePermission } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { NewClientForm } from "@/components/clients/NewClientForm";
import { PageHeader } from "@/components/ui/primitives";
import { createClientAction } from "../actions";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  const actor = await requirePermission("clients.create");
  const consultants = can(actor, "clients.assign-any-consultant") ? await listAssignableConsultants(await getDb(), actor) : null;
  return (
    <section>
      <PageHeader title="New client" subtitle={can(actor, "clients.assign-any-consultant") ? "Name the client and choose its lead consultant." : "The client will be assigned to you."} />
      <NewClientForm action={createClientAction} consultants={consultants} />
    </section>
  );
}
