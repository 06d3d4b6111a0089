"use client";

import { PageError } from "@/components/ui/PageStates";

// The signed-out pages have no shell: the error fills the page's own <main>.
export default function GroupError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="px-4">
      <PageError error={error} reset={reset} />
    </main>
  );
}
