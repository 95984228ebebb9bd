import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { insertNewestFirst } from '../../../shared/live-tail/ordered-rows';
import type { NumberedEvent, TailStatus } from '../../../shared/live-tail/types';
import { toAppError } from '../../bridge/client';
import { callLiveTail } from './live-tail-client';

export interface TailStart {
  readonly environmentId: string;
  readonly domain: string;
  readonly recipient: string;
  readonly event: string;
  readonly tag: string;
}

/**
 * The tail outlives the tool: switching to the workbench to send a message
 * unmounts the support panel, and coming back picks the same tail up again
 * (main keeps its events, and resumes polling where it stopped if nobody read
 * for a while).
 */
let attached: { readonly tailId: string; readonly start: TailStart } | null = null;

/** The rows the page keeps; older ones stay in main (and in the CSV export). */
export const MAX_ROWS = 2_000;
const WAIT_MS = 1_500;

/**
 * One live tail: starts it in main, reads its events with a long poll while
 * it exists, tells main when the page is hidden or shown, and stops it when
 * the tool goes away. Rows are newest first by event time, a late-stored
 * event put in at its place.
 */
export function useLiveTail(environmentId: string) {
  const [status, setStatus] = useState<TailStatus | null>(null);
  const [rows, setRows] = useState<readonly NumberedEvent[]>([]);
  const [missed, setMissed] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [starting, setStarting] = useState(false);
  const current = useRef<string | null>(null);

  // Each reading loop has a number; a loop whose number is no longer current ends (unmount, stop, restart).
  const generation = useRef(0);

  const readLoop = useCallback(async (tailId: string) => {
    generation.current += 1;
    const mine = generation.current;
    const live = () => generation.current === mine && current.current === tailId;
    let after = 0;
    let first = true;
    while (live()) {
      try {
        // The first read of a picked-up tail gets what main still holds at once.
        const read = await callLiveTail('readLiveTail', { tailId, after, waitMs: first ? 0 : WAIT_MS, max: MAX_ROWS });
        if (!live()) return;
        first = false;
        after = read.lastSeq;
        setStatus(read.status);
        if (read.missed > 0) setMissed((n) => n + read.missed);
        if (read.events.length > 0) setRows((old) => insertNewestFirst(old, read.events, MAX_ROWS));
        if (read.status.state === 'stopped') return;
      } catch (failure) {
        if (!live()) return;
        setError(toAppError(failure));
        current.current = null;
        attached = null;
        return;
      }
    }
  }, []);

  const stop = useCallback(() => {
    const tailId = current.current;
    generation.current += 1;
    current.current = null;
    attached = null;
    setStatus((s) => (s ? { ...s, state: 'stopped' } : s));
    if (tailId) callLiveTail('stopLiveTail', { tailId }).catch(() => undefined);
  }, []);

  const start = useCallback(
    async (arg: TailStart) => {
      stop();
      setError(null);
      setRows([]);
      setMissed(0);
      setStarting(true);
      try {
        const started = await callLiveTail('startLiveTail', {
          environmentId: arg.environmentId,
          ...(arg.domain.trim() ? { domain: arg.domain.trim() } : {}),
          ...(arg.recipient.trim() ? { recipient: arg.recipient.trim() } : {}),
          ...(arg.event ? { event: arg.event } : {}),
          ...(arg.tag.trim() ? { tag: arg.tag.trim() } : {}),
        });
        current.current = started.tailId;
        attached = { tailId: started.tailId, start: arg };
        setStatus(started);
        void readLoop(started.tailId);
      } catch (failure) {
        setError(toAppError(failure));
      } finally {
        setStarting(false);
      }
    },
    [readLoop, stop],
  );

  const pause = useCallback(async (paused: boolean) => {
    const tailId = current.current;
    if (!tailId) return;
    try {
      setStatus(await callLiveTail('pauseLiveTail', { tailId, paused }));
    } catch (failure) {
      setError(toAppError(failure));
    }
  }, []);

  const clear = useCallback(async () => {
    setRows([]);
    setMissed(0);
    const tailId = current.current;
    if (!tailId) return;
    try {
      setStatus(await callLiveTail('clearLiveTail', { tailId }));
    } catch (failure) {
      setError(toAppError(failure));
    }
  }, []);

  const exportCsv = useCallback(async () => {
    const tailId = current.current ?? status?.tailId;
    if (!tailId) return null;
    try {
      return await callLiveTail('exportLiveTail', { tailId });
    } catch (failure) {
      setError(toAppError(failure));
      return null;
    }
  }, [status?.tailId]);

  // A hidden window stops every tail in main; showing it again resumes them where they stopped.
  useEffect(() => {
    const onVisibility = () => {
      callLiveTail('setLiveTailVisibility', { visible: document.visibilityState !== 'hidden' }).catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (attached && attached.start.environmentId !== environmentId) {
      callLiveTail('stopLiveTail', { tailId: attached.tailId }).catch(() => undefined);
      attached = null;
    }
    if (attached) {
      current.current = attached.tailId;
      void readLoop(attached.tailId);
    }
    return () => {
      // Only stops reading; the tail itself goes on (see `attached`).
      generation.current += 1;
      current.current = null;
    };
  }, [environmentId, readLoop]);

  return {
    initial: attached?.start ?? null,
    status,
    rows,
    missed,
    error,
    starting,
    running: status !== null && status.state !== 'stopped',
    start,
    stop,
    pause,
    clear,
    exportCsv,
  };
}
