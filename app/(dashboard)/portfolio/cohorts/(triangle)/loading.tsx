import { PageLoading } from "@/components/ui/PageStates";

// Only the triangle, in its own route group: the drill-down page beside it answers 404 for a cell
// it does not know, which a loading boundary around it would turn into a 200 (as the overview's).
// The permission is checked by the portfolio's layout.
export default function Loading() {
  return <PageLoading />;
}
