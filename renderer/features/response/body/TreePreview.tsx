import { formatBytes } from '../format';
import type { TreeRow } from '../json-tree-model';

const INDENT_PX = 16;

/** The first screen of a huge body, drawn from its start while the whole text is parsed; not interactive yet. */
export function TreePreview({ rows, sizeBytes }: { rows: readonly TreeRow[]; sizeBytes: number }) {
  return (
    <div className="json-tree-view" aria-busy="true" data-testid="tree-preview">
      <div className="view-tools" role="status">
        <span className="spinner" aria-hidden="true" /> Reading all {formatBytes(sizeBytes)}; showing the start meanwhile…
      </div>
      <div className="virtual-scroll json-tree">
        <div className="virtual-space">
          {rows.map((row, index) => {
            const container = row.kind === 'object' || row.kind === 'array';
            return (
              <div
                key={row.index}
                className="jt-row"
                style={{ transform: `translateY(${index * 22}px)`, paddingLeft: row.depth * INDENT_PX + 4 }}
                data-testid="json-preview-row"
              >
                <span className="jt-caret" aria-hidden="true">
                  {container ? (row.expanded ? '▾' : '▸') : ''}
                </span>
                {row.key !== null ? (
                  <>
                    <span className={row.keyIsIndex ? 'jt-index' : 'jt-key'}>{row.key}</span>
                    <span className="jt-colon">: </span>
                  </>
                ) : null}
                {container ? (
                  row.expanded ? null : (
                    <span className="jt-preview">{row.text}</span>
                  )
                ) : (
                  <span className={`jt-value jt-${row.kind}`}>{row.text}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
