import { useEffect, useRef } from 'react';

/** Input handed to a tool from elsewhere (a context menu, the trail); `seq` changes on every hand-over. */
export interface Incoming<T> {
  readonly seq: number;
  readonly value: T;
}

/**
 * The last hand-over each receiver applied. Kept outside the components: the
 * support panel unmounts while the workbench shows, and coming back to it must
 * not run the last investigation's calls again.
 */
const applied = new Map<string, number>();

/** Calls `apply` once for each new hand-over to `receiver`, so a tool fills its form and runs when asked, and never again on a re-render. */
export function useIncoming<T>(receiver: string, incoming: Incoming<T> | undefined, apply: (value: T) => void): void {
  const latest = useRef(apply);
  latest.current = apply;
  useEffect(() => {
    if (incoming === undefined || applied.get(receiver) === incoming.seq) return;
    applied.set(receiver, incoming.seq);
    latest.current(incoming.value);
  }, [receiver, incoming]);
}
