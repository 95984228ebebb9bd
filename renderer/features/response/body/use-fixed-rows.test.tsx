// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstScreenRows, useFixedRows, useListRoom } from './use-fixed-rows';

const ROW = 20;

let list: ReturnType<typeof useFixedRows> | undefined;

function List({ count, offset = 0 }: { count: number; offset?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  list = useFixedRows(count, ROW, ref, 2, offset);
  return (
    <div ref={ref} data-testid="scroller" style={{ height: 200, overflow: 'auto' }}>
      <div style={{ height: list.getTotalSize() }}>
        {list.getVirtualItems().map((row) => (
          <div key={row.key} data-testid="row" data-start={row.start}>
            {row.index}
          </div>
        ))}
      </div>
    </div>
  );
}

function Pane() {
  const ref = useRef<HTMLElement>(null);
  useListRoom(ref);
  return <section ref={ref} />;
}

const shown = () => screen.getAllByTestId('row').map((row) => Number(row.textContent));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  list = undefined;
});

describe('useFixedRows', () => {
  it('draws a window-tall screen of rows in its first render without reading or writing layout', () => {
    // Reading a size or writing a scroll position here would lay the new pane out inside the arrival's task.
    const reads = [
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'scrollTop', 'get'),
      vi.spyOn(HTMLElement.prototype, 'scrollTop', 'set'),
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect'),
    ];
    render(<List count={10_000} />);
    for (const spy of reads) expect(spy).not.toHaveBeenCalled();
    const rows = shown();
    expect(rows[0]).toBe(0);
    // As many rows as the window can show; the overscan waits for the list's real height.
    expect(rows).toHaveLength(Math.ceil(window.innerHeight / ROW) + 1);
    expect(screen.getAllByTestId('row')[3]?.dataset.start).toBe(String(3 * ROW));
  });

  it('follows scrolling, and draws nothing past the last row', () => {
    render(<List count={1_000} />);
    const scroller = screen.getByTestId('scroller');
    act(() => {
      scroller.scrollTop = 500 * ROW;
      fireEvent.scroll(scroller);
    });
    // This DOM emulation never reports a height, so no overscan rows come before the first one on screen.
    expect(shown()[0]).toBe(500);
    render(<List count={5} />);
    expect(shown().slice(-1)[0]).toBe(4);
  });

  it('scrolls a row into view, centred or only as far as needed', () => {
    render(<List count={1_000} />);
    const scroller = screen.getByTestId('scroller');
    vi.spyOn(scroller, 'clientHeight', 'get').mockReturnValue(200);
    act(() => list?.scrollToIndex(400, { align: 'center' }));
    expect(scroller.scrollTop).toBe(400 * ROW - (200 - ROW) / 2);
    expect(shown()).toContain(400);
    act(() => list?.scrollToIndex(402, { align: 'auto' }));
    // Already on screen: nothing moves.
    expect(scroller.scrollTop).toBe(400 * ROW - (200 - ROW) / 2);
    act(() => list?.scrollToIndex(0, { align: 'auto' }));
    expect(scroller.scrollTop).toBe(0);
    expect(shown()[0]).toBe(0);
  });

  it('opens at the offset it was left at', () => {
    render(<List count={1_000} offset={300 * ROW} />);
    expect(screen.getByTestId('scroller').scrollTop).toBe(300 * ROW);
    expect(shown()[0]).toBe(300);
  });
  // Last: the room noted here stays the first guess for lists drawn after it.
  it('draws only the rows the waiting pane has room for once that pane has reported its height', () => {
    class ReportingObserver {
      constructor(private readonly report: () => void) {}
      // A laid-out element's first report, at once.
      observe() {
        this.report();
      }
      disconnect() {}
    }
    vi.stubGlobal('ResizeObserver', ReportingObserver);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(5 * ROW + 10);
    render(<Pane />);
    vi.unstubAllGlobals();
    // Six rows cover 110 px from the top, and a seventh the part of one scrolled in.
    expect(firstScreenRows(ROW)).toBe(7);
    expect(firstScreenRows(ROW)).toBeLessThan(Math.ceil(window.innerHeight / ROW));
  });
});
