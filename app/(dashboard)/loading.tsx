import { PageLoading } from "@/components/ui/PageStates";

export default function Loading() {
  return <PageLoading />;
}
