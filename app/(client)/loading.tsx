import { PageLoading } from "@/components/ui/PageStates";

// Safe because the group's layout answers 404 to anyone who is not a client user before this
// boundary streams a 200 (see layout.tsx).
export default function Loading() {
  return <PageLoading />;
}
