import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/ImportWizard";
import { PageHeader } from "@/components/ui/primitives";
import { withConsultantChoices } from "../consultant-choices";

export const metadata: Metadata = { title: "Import check-ins" };

export default async function ImportPage() {
  const { consultants } = await withConsultantChoices("checkins.import");
  return (
    <section>
      <PageHeader
        title="Import check-ins"
        subtitle={
          <>
            Upload a CSV or JSON file in the check-in format (the same one <Link href="/export?format=csv" className="text-indigo-700 underline">Export</Link> writes).
            You see what would change before anything is written; a file with any bad line is not imported at all.
          </>
        }
      />
      <ul className="mb-4 list-disc pl-5 text-sm text-slate-600">
        <li>Required columns: client, date, posts_last_30d, rhythm, replies, results. Lists such as accounts use “;”: facebook;x;blog.</li>
        <li>Clients are matched by name, ignoring case. {consultants ? "New names become new clients led by the consultant you choose." : "New names become new clients assigned to you."}</li>
        <li>A check-in already stored with the same client, date and content is skipped, so importing a file twice adds nothing.</li>
      </ul>
      <ImportWizard consultants={consultants} />
    </section>
  );
}
