import {
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { isNumber, useStoredState } from './use-stored-state';

export interface SplitPaneProps {
  /** `row`: side by side, the separator moves left and right; `column`: stacked. */
  readonly direction: 'row' | 'column';
  readonly first: ReactNode;
  readonly second: ReactNode;
  /** The first pane's size, remembered under this key. */
  readonly storageKey: string;
  /** Sizes are a share of the whole (`fraction`, 0–1) or pixels of the first pane. */
  readonly unit: 'fraction' | 'px';
  readonly defaultSize: number;
  /** Smallest first and second panes, in pixels; the first wins when the window is too small for both. */
  readonly minFirst: number;
  readonly minSecond: number;
  /** Names the separator ("Resize the sidebar"). */
  readonly label: string;
  /** Hides the first pane and the separator (a collapsed sidebar). */
  readonly collapsed?: boolean;
  readonly className?: string;
  readonly testId?: string;
}

const STEP_PX = 24;

/** The element's length along the split, kept current as the window resizes, so the separator states its range. */
function useLength(ref: RefObject<HTMLElement | null>, row: boolean): number {
  const [length, setLength] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      setLength(Math.round(row ? box.width : box.height));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, row]);
  return length;
}

/**
 * Two panes and a separator that resizes them by dragging or with the arrow
 * keys (Shift for bigger steps, Home/End for the limits). Sizes are clamped by
 * CSS, so a smaller window never pushes the second pane out of view.
 */
export function SplitPane({
  direction,
  first,
  second,
  storageKey,
  unit,
  defaultSize,
  minFirst,
  minSecond,
  label,
  collapsed = false,
  className,
  testId,
}: SplitPaneProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useStoredState(storageKey, defaultSize, isNumber);
  const row = direction === 'row';
  const length = useLength(rootRef, row);

  const total = () => {
    const box = rootRef.current?.getBoundingClientRect();
    return box ? (row ? box.width : box.height) : 0;
  };
  const toPxOf = (value: number, whole: number) => (unit === 'fraction' ? value * whole : value);
  const toPx = (value: number) => toPxOf(value, total());
  const fromPx = (px: number) => {
    const whole = total();
    // Before layout there is no size to keep the second pane inside; CSS clamps it once there is.
    const clamped = Math.max(minFirst, Math.min(px, whole > 0 ? whole - minSecond : px));
    return unit === 'fraction' ? (whole > 0 ? clamped / whole : defaultSize) : Math.round(clamped);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    handle.focus();
    const start = rootRef.current?.getBoundingClientRect();
    if (!start) return;
    const onMove = (move: globalThis.PointerEvent) => {
      setSize(fromPx(row ? move.clientX - start.left : move.clientY - start.top));
    };
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? STEP_PX * 4 : STEP_PX;
    const back = row ? 'ArrowLeft' : 'ArrowUp';
    const forward = row ? 'ArrowRight' : 'ArrowDown';
    const now = toPx(size);
    let next: number | undefined;
    if (event.key === back) next = now - step;
    else if (event.key === forward) next = now + step;
    else if (event.key === 'Home') next = minFirst;
    else if (event.key === 'End') next = total() - minSecond;
    if (next === undefined) return;
    event.preventDefault();
    setSize(fromPx(next));
  };

  const basis = unit === 'fraction' ? `${(size * 100).toFixed(2)}%` : `${size}px`;
  // Before layout (and in tests without one) the range is stated in the stored units alone.
  const valueMax = length > 0 ? Math.max(minFirst, length - minSecond) : Math.max(minFirst, Math.round(toPxOf(size, length)));
  const valueNow = Math.min(valueMax, Math.max(minFirst, Math.round(toPxOf(size, length))));
  return (
    <div ref={rootRef} className={`ui-split ui-split-${direction}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {/* The first pane stays mounted while collapsed, so its filter and scroll survive. */}
      <div
        className="ui-split-first"
        hidden={collapsed}
        style={{ '--ui-split-size': basis, '--ui-split-min': `${minFirst}px`, '--ui-split-min-second': `${minSecond}px` } as CSSProperties}
      >
        {first}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable, draggable separator has no native element. */}
      <div
        hidden={collapsed}
        className="ui-split-handle"
        role="separator"
        aria-orientation={row ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuemin={minFirst}
        aria-valuemax={valueMax}
        aria-valuenow={valueNow}
        tabIndex={0}
        data-testid={testId ? `${testId}-handle` : undefined}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        onDoubleClick={() => setSize(defaultSize)}
      />
      <div className="ui-split-second">{second}</div>
    </div>
  );
}
