import { PageLoading } from "@/components/ui/PageStates";

// Safe here: no signed-out page answers 404. A signed-in visitor's redirect from /sign-in is sent
// after this placeholder, as a client-side redirect.
export default function Loading() {
  return (
    <main id="main" className="mx-auto mt-10 max-w-sm px-4 sm:mt-20">
      <PageLoading />
    </main>
  );
}
