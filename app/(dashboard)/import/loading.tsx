import { PageLoading } from "@/components/ui/PageStates";

// Safe: this folder's layout.tsx answers 404 before this boundary streams.
export default function Loading() {
  return <PageLoading />;
}
