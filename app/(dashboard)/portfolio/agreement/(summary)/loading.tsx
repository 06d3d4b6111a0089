import { PageLoading } from "@/components/ui/PageStates";

// Only the summary: the drill-down page answers 404 for a drill it does not know, which a
// boundary around it would turn into a 200. The permission is checked by ../../layout.tsx.
export default function Loading() {
  return <PageLoading />;
}
