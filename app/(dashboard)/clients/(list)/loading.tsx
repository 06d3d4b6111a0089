import { PageLoading } from "@/components/ui/PageStates";

// Only the list: a loading boundary here would otherwise wrap /clients/[clientId] too, and its
// 404s must not stream as 200s. The permission is checked by ../layout.tsx, outside it.
export default function Loading() {
  return <PageLoading />;
}
