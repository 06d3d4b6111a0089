"use client";
import { Suspense, lazy, useEffect, useRef, useState, type ComponentProps } from "react";
import type { StageTimelineDrawing } from "./StageTimelineDrawing";
import type { SignalDrawing } from "./SignalDrawing";

// The chart library is the largest script of the app, and running it is most of a page's work in
// the browser. The client page's charts therefore load it only when a chart comes near the screen:
// a phone that never scrolls to them never downloads or runs it. Their box has its final size
// from the start, so nothing moves when the drawing arrives, and their data tables are plain HTML
// rendered on the server beside them.
const TimelineDrawing = lazy(() => import("./StageTimelineDrawing").then((m) => ({ default: m.StageTimelineDrawing })));
const SignalsDrawing = lazy(() => import("./SignalDrawing").then((m) => ({ default: m.SignalDrawing })));

/** How far below the screen a chart starts loading. */
const AHEAD = "150px 0px";

/** A box of the chart's size that mounts `children` once it is within AHEAD of the viewport. */
function WhenVisible({ height, children }: { height: number; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (near || !el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: AHEAD });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return (
    // The drawing says nothing the table does not: hidden from screen readers, no Tab stop.
    <div ref={box} aria-hidden="true" className="w-full min-w-0" style={{ height }}>
      {near ? <Suspense fallback={null}>{children}</Suspense> : null}
    </div>
  );
}

export function LazyStageTimeline({ height, ...props }: ComponentProps<typeof StageTimelineDrawing> & { height: number }) {
  return (
    <WhenVisible height={height}>
      <TimelineDrawing {...props} />
    </WhenVisible>
  );
}

export function LazySignalChart({ height, ...props }: ComponentProps<typeof SignalDrawing> & { height: number }) {
  return (
    <WhenVisible height={height}>
      <SignalsDrawing {...props} />
    </WhenVisible>
  );
}
