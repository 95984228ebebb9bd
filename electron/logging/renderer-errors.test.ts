import { describe, expect, it, vi } from 'vitest';
import { createRendererErrorSink } from './renderer-errors';

describe('renderer errors', () => {
  it('are written to the log with their kind and stack', () => {
    const write = vi.fn();
    const sink = createRendererErrorSink({ write });
    expect(sink.report({ kind: 'render', message: 'boom', stack: 'at App', source: 'in <Workbench>' })).toEqual({ logged: true });
    expect(write).toHaveBeenCalledWith('renderer render', { kind: 'render', message: 'boom', stack: 'at App', source: 'in <Workbench>' });
  });

  it('stop being written during a flood and say how many were dropped', () => {
    const write = vi.fn();
    let now = 1_000_000;
    const sink = createRendererErrorSink({ write, clock: () => now, perMinute: 3 });
    const results = Array.from({ length: 10 }, () => sink.report({ kind: 'error', message: 'loop' }).logged);
    expect(results.filter(Boolean)).toHaveLength(3);
    now += 61_000;
    sink.report({ kind: 'error', message: 'later' });
    expect(write).toHaveBeenCalledWith('renderer: 7 more errors were not logged', expect.anything());
    expect(write).toHaveBeenLastCalledWith('renderer error', { kind: 'error', message: 'later' });
  });
});
