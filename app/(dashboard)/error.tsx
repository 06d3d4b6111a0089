"use client";

import { PageError } from "@/components/ui/PageStates";

export default function GroupError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError error={error} reset={reset} />;
}
