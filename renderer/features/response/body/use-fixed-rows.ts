import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Before the first layout (and in DOM emulations without layout) assume a typical viewport. */
const FALLBACK_RECT = { width: 900, height: 600 };

function observeWithFallback(instance: Virtualizer<HTMLElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT));
}

/** A virtual list of equal-height rows inside `scrollRef`. */
export function useFixedRows(count: number, rowHeight: number, scrollRef: RefObject<HTMLElement | null>, overscan = 12) {
  return useVirtualizer<HTMLElement, Element>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeWithFallback,
  });
}
