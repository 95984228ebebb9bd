import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../format';
import { highlight } from './highlight';
import { type RowIndex, rowIndexBuilder, rowOfOffset, rowText } from './line-index';
import type { SearchableViewProps } from './search-types';
import { useFixedRows } from './use-fixed-rows';

const ROW_HEIGHT = 20;
/** Long lines wrap into rows of this many characters. */
const MAX_ROW_CHARS = 1_000;
const SLICE_MS = 25;
const MAX_MATCHES = 10_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Indexes rows a slice at a time so a huge body never blocks the page for long. */
function useRowIndex(text: string): RowIndex | undefined {
  const [index, setIndex] = useState<{ text: string; index: RowIndex } | undefined>(undefined);
  useEffect(() => {
    const builder = rowIndexBuilder(text, MAX_ROW_CHARS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const built = builder.step(SLICE_MS);
      if (built) setIndex({ text, index: built });
      else timer = setTimeout(run, 0);
    };
    run();
    return () => clearTimeout(timer);
  }, [text]);
  return index?.text === text ? index.index : undefined;
}

/** Offsets of `query` in `text` (case-insensitive), found a slice at a time. */
function useTextMatches(text: string, query: string, onMatches: SearchableViewProps['onMatches']): readonly number[] {
  const [matches, setMatches] = useState<readonly number[]>([]);
  useEffect(() => {
    setMatches([]);
    if (query === '') {
      onMatches({ count: 0, done: true, capped: false });
      return undefined;
    }
    const pattern = new RegExp(escapeRegExp(query), 'gi');
    const found: number[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const until = performance.now() + SLICE_MS;
      for (;;) {
        const match = pattern.exec(text);
        if (!match || found.length >= MAX_MATCHES) {
          setMatches(found);
          onMatches({ count: found.length, done: true, capped: found.length >= MAX_MATCHES });
          return;
        }
        found.push(match.index);
        if (match[0].length === 0) pattern.lastIndex += 1;
        if ((found.length & 255) === 0 && performance.now() > until) break;
      }
      setMatches([...found]);
      onMatches({ count: found.length, done: false, capped: false });
      timer = setTimeout(run, 0);
    };
    onMatches({ count: 0, done: false, capped: false });
    run();
    return () => clearTimeout(timer);
  }, [text, query, onMatches]);
  return matches;
}

export interface RawViewProps extends SearchableViewProps {
  readonly text: string;
}

/** The body exactly as received, one virtual row per line (long lines wrapped). */
export function RawView({ text, query, matchIndex, onMatches }: RawViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const index = useRowIndex(text);
  const matches = useTextMatches(text, query, onMatches);
  const virtualizer = useFixedRows(index?.count ?? 0, ROW_HEIGHT, scrollRef, 20);
  const currentOffset = matches[matchIndex];
  const currentRow = index && currentOffset !== undefined ? rowOfOffset(index, currentOffset) : undefined;

  useEffect(() => {
    if (currentRow !== undefined) virtualizer.scrollToIndex(currentRow, { align: 'center' });
  }, [currentRow, virtualizer]);

  if (!index) {
    return (
      <div className="body-note" role="status">
        Preparing {formatCount(text.length)} characters…
      </div>
    );
  }
  return (
    <div
      ref={scrollRef}
      className="virtual-scroll raw-view"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
      tabIndex={0}
      role="document"
      aria-label="Response body as text"
      data-testid="raw-view"
    >
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className={`raw-row${item.index === currentRow ? ' current-match' : ''}`}
            style={{ transform: `translateY(${item.start}px)` }}
            data-testid="raw-row"
          >
            <span className="raw-gutter" aria-hidden="true">
              {index.continues(item.index) ? '↪' : index.lineOf(item.index)}
            </span>
            <span className="raw-text">{highlight(rowText(text, index, item.index), query)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
