import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** In DOM emulations without layout, assume a typical viewport. */
const FALLBACK_RECT = { width: 900, height: 600 };
/**
 * No rows before the list's height is known: its layout effect measures it
 * and renders the rows that fit before the first paint, so a short pane
 * never builds (and lays out) a tall window's rows first.
 */
const BEFORE_LAYOUT = { width: 900, height: 0 };

function observeWithFallback(instance: Virtualizer<HTMLElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : FALLBACK_RECT));
}

/** A virtual list of equal-height rows inside `scrollRef`, scrolled to `initialOffset` when first drawn. */
export function useFixedRows(count: number, rowHeight: number, scrollRef: RefObject<HTMLElement | null>, overscan = 8, initialOffset = 0) {
  return useVirtualizer<HTMLElement, Element>({
    count,
    initialOffset,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: BEFORE_LAYOUT,
    observeElementRect: observeWithFallback,
  });
}
