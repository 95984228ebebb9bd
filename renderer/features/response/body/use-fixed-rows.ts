import { type RefObject, useLayoutEffect, useReducer, useState } from 'react';
import { flushSync } from 'react-dom';

export interface FixedRow {
  readonly index: number;
  readonly key: number;
  /** Pixels from the top of the list. */
  readonly start: number;
}

/** In DOM emulations without layout, assume a typical viewport. */
const FALLBACK_HEIGHT = 600;

/**
 * The height the last list reported, or the room the last empty response
 * pane had (see useListRoom), whichever came later: the next list (another
 * tab's, the next response's) is most likely as tall, and cannot be taller
 * than the pane.
 */
let lastHeight: number | undefined;

/**
 * Until a list reports its height it is taken to be `lastHeight`, or else as
 * tall as the window, which it cannot exceed; a list found taller is drawn
 * again before that frame is painted, a shorter one in a later render.
 */
const firstGuess = () => lastHeight ?? (typeof window === 'undefined' || window.innerHeight === 0 ? FALLBACK_HEIGHT : window.innerHeight);

/** How many rows of `rowHeight` the first render of a new list draws (a screen of them, from the top). */
export function firstScreenRows(rowHeight: number): number {
  return Math.ceil(firstGuess() / rowHeight) + 1;
}

/**
 * Notes the height of the pane a list will be drawn in while it waits for
 * it (the response pane before the answer), so the first list drawn there
 * builds the rows that room can show rather than a window's worth.
 */
export function useListRoom(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      if (element.clientHeight > 0) lastHeight = element.clientHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
}

/**
 * The rows of a list whose rows all have one height, inside a scrolling
 * element. Written here rather than taken from @tanstack/react-virtual (which
 * lists of measured rows still use): with one row height the window is two
 * divisions, while the library's general machinery (measuring, scroll
 * reconciliation) was a fifth of the work of drawing a small response for the
 * first time, and its first measurement laid the new pane out inside that task.
 * Nothing here reads layout until the list has been laid out: the height comes
 * from a ResizeObserver, whose first report arrives in the frame after layout.
 */
class FixedRowWindow {
  count = 0;
  private element: HTMLElement | null = null;
  private detach: (() => void) | undefined;
  private offset: number;
  private height = firstGuess();
  /** Until then no overscan rows are added past the guess, which is usually the list's height or more. */
  private measured = false;
  /** The range the last render drew; a scroll or resize that keeps it draws nothing. */
  private drawn = '';

  constructor(
    readonly rowHeight: number,
    readonly overscan: number,
    initialOffset: number,
    private readonly redraw: (now: boolean) => void,
  ) {
    this.offset = initialOffset;
  }

  getTotalSize(): number {
    return this.count * this.rowHeight;
  }

  getVirtualItems(): FixedRow[] {
    const { first, last } = this.range();
    this.drawn = `${first}:${last}`;
    const rows: FixedRow[] = [];
    for (let index = first; index <= last; index++) rows.push({ index, key: index, start: index * this.rowHeight });
    return rows;
  }

  scrollToIndex(index: number, { align }: { align: 'center' | 'auto' }): void {
    const element = this.element;
    if (!element) return;
    const top = index * this.rowHeight;
    const view = element.clientHeight || this.height;
    let target = this.offset;
    if (align === 'center') target = top - (view - this.rowHeight) / 2;
    else if (top < this.offset) target = top;
    else if (top + this.rowHeight > this.offset + view) target = top + this.rowHeight - view;
    target = Math.max(0, Math.min(target, this.getTotalSize() - view));
    if (target === this.offset) return;
    element.scrollTop = target;
    // Not left to the scroll event: an element not laid out (or a DOM emulation) sends none.
    this.offset = target;
    this.redrawIfMoved(false);
  }

  /** Follows `element`'s scrolling and size; scrolls a new element to the offset it was given. */
  attach(element: HTMLElement | null): void {
    if (element === this.element) return;
    this.detach?.();
    this.detach = undefined;
    this.element = element;
    if (!element) return;
    if (this.offset > 0) element.scrollTop = this.offset;
    const onScroll = () => {
      this.offset = element.scrollTop;
      // Drawn in the same frame as the scroll, so fast scrolling never shows empty rows.
      this.redrawIfMoved(true);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => this.resized(element));
    observer?.observe(element);
    this.detach = () => {
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }

  dispose(): void {
    this.attach(null);
  }

  private resized(element: HTMLElement): void {
    // A hidden list reports nothing useful; keep the last height.
    if (element.clientHeight === 0) return;
    const taller = element.clientHeight > this.height;
    this.height = element.clientHeight;
    lastHeight = this.height;
    this.measured = true;
    // Taller than guessed: rows would be missing at the bottom, so they are drawn before this frame is painted.
    this.redrawIfMoved(taller);
  }

  private range(): { first: number; last: number } {
    if (this.count === 0) return { first: 0, last: -1 };
    const overscan = this.measured ? this.overscan : 0;
    const first = Math.max(0, Math.floor(this.offset / this.rowHeight) - overscan);
    const last = Math.min(this.count - 1, Math.ceil((this.offset + this.height) / this.rowHeight) + overscan);
    return { first: Math.min(first, last), last };
  }

  private redrawIfMoved(now: boolean): void {
    const { first, last } = this.range();
    if (`${first}:${last}` !== this.drawn) this.redraw(now);
  }
}

/** A virtual list of equal-height rows inside `scrollRef`, scrolled to `initialOffset` when first drawn. */
export function useFixedRows(count: number, rowHeight: number, scrollRef: RefObject<HTMLElement | null>, overscan = 8, initialOffset = 0) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [rows] = useState(
    () =>
      new FixedRowWindow(rowHeight, overscan, initialOffset, (now) => {
        if (now) flushSync(redraw);
        else redraw();
      }),
  );
  rows.count = count;
  // The scrolling element can appear after the first render (a list shown once its text is indexed).
  useLayoutEffect(() => rows.attach(scrollRef.current));
  useLayoutEffect(() => () => rows.dispose(), [rows]);
  return rows;
}
