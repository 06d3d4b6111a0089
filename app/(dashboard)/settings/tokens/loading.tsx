import { PageLoading } from "@/components/ui/PageStates";

// Safe here: this page never answers 404 (every signed-in user may hold tokens, and the group's
// layout has already sent signed-out visitors to the sign-in page). Other dashboard routes have
// no loading.tsx: its boundary would make Next send 200 before their pages could answer 404.
export default function Loading() {
  return <PageLoading />;
}
