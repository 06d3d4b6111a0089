import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass, Card, PageHeader } from "@/components/ui/primitives";
import { CLIENT_TEXT as T } from "@/components/checkin/client-page-text";
import { OPTION_TEXT } from "@/components/checkin/fields";
import { deleteCheckInAction } from "../../../actions";
import { loadCheckIn } from "../../load";

export const metadata: Metadata = { title: "Delete check-in" };

export default async function DeleteCheckInPage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string; checkInId: string }>;
  searchParams: Promise<{ stale?: string }>;
}) {
  const { clientId, checkInId } = await params;
  const { stale } = await searchParams;
  const { client, checkIn } = await loadCheckIn(clientId, checkInId);
  return (
    <section className="max-w-xl">
      <p className="mb-2 text-sm"><Link href={`/clients/${clientId}`} className="text-indigo-700 hover:underline">← {T.backTo(client.name)}</Link></p>
      <PageHeader title={T.deleteTitle(checkIn.date)} subtitle={client.name} />
      {stale ? <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">{T.deleteStale}</p> : null}
      <Card>
        <dl className="grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600">{T.col.posts}</dt><dd>{checkIn.postsLast30d}</dd>
          <dt className="text-slate-600">{T.col.rhythm}</dt><dd>{T.rhythmShort[checkIn.rhythm]}</dd>
          <dt className="text-slate-600">{T.col.replies}</dt><dd>{OPTION_TEXT.replies[checkIn.replies]}</dd>
          <dt className="text-slate-600">{T.col.results}</dt><dd>{OPTION_TEXT.results[checkIn.results]}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">{T.deleteBody}</p>
        <form action={deleteCheckInAction} className="mt-4 flex gap-3">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="checkInId" value={checkIn.id} />
          <input type="hidden" name="version" value={checkIn.version} />
          <button type="submit" className={buttonClass("danger")}>{T.deleteConfirm}</button>
          <Link href={`/clients/${clientId}`} className={buttonClass("secondary")}>{T.cancel}</Link>
        </form>
      </Card>
    </section>
  );
}
