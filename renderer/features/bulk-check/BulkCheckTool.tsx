import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import type { BulkReleaseItem, BulkRow } from '../../../shared/bulk-check/types';
import type { Environment } from '../../../shared/environments/types';
import { toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice } from '../../ui';
import { useBulkCheck } from './use-bulk-check';
import './bulk-check.css';

export interface BulkCheckToolProps {
  readonly environment: Environment;
}

type Show = 'all' | 'suppressed' | 'clear' | 'unknown';
const ROW_HEIGHT = 30;
const listLabel = { bounces: 'bounced', complaints: 'complained', unsubscribes: 'unsubscribed' } as const;

function releaseItems(rows: readonly BulkRow[], selected: ReadonlySet<string>): BulkReleaseItem[] {
  return rows
    .filter((row) => selected.has(row.address))
    .flatMap((row) => row.hits.map((hit) => ({ address: row.address, domain: hit.domain, list: hit.list })));
}

function ResultRow({
  row,
  top,
  checked,
  canSelect,
  onToggle,
}: {
  row: BulkRow;
  top: number;
  checked: boolean;
  canSelect: boolean;
  onToggle: () => void;
}) {
  const where = row.hits.map((h) => `${listLabel[h.list]} on ${h.domain}${h.detail ? ` (${h.detail})` : ''}`).join('; ');
  const released = row.released.map((r) => `${r.list} of ${r.domain}`).join(', ');
  return (
    <li
      className="bulk-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="bulk-row"
      data-address={row.address}
      data-state={row.state}
    >
      <input
        type="checkbox"
        aria-label={`Select ${row.address}`}
        checked={checked}
        disabled={!canSelect || row.hits.length === 0}
        onChange={onToggle}
        data-testid="bulk-select"
      />
      <span className="bulk-address" title={row.address}>
        {row.address}
      </span>
      <span>
        <span
          className={`support-tag support-tag-${row.state === 'suppressed' ? 'danger' : row.state === 'clear' ? 'ok' : 'warn'}`}
          data-testid="bulk-state"
        >
          {row.state === 'unknown' ? 'not certain' : row.state}
        </span>
      </span>
      <span className="bulk-where" title={where || released}>
        {where || (released ? <span className="support-muted">released from the {released}</span> : null)}
      </span>
    </li>
  );
}

/**
 * A customer's list of addresses against every domain's suppression lists:
 * paste or import, check, pick the ones to release. Only suppression lists
 * are read, which Mailgun does not charge for; address validation is a paid
 * call and is not made here.
 */
export function BulkCheckTool({ environment }: BulkCheckToolProps) {
  const bulk = useBulkCheck(environment.id);
  const [text, setText] = useState('');
  const [show, setShow] = useState<Show>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const base = useId();
  const scrollRef = useRef<HTMLDivElement>(null);

  const status = bulk.status.data;
  const allRows = bulk.results.data?.rows;
  const rows = useMemo(() => (allRows ?? []).filter((row) => show === 'all' || row.state === show), [allRows, show]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 900, height: 400 },
  });
  const items = useMemo(() => releaseItems(allRows ?? [], selected), [allRows, selected]);
  const running = status?.state === 'running';
  const readOnly = environment.readOnly;
  const list = bulk.list;
  const error =
    [bulk.parse, bulk.importFile, bulk.start, bulk.cancel, bulk.retry, bulk.release, bulk.exportCsv].find((m) => m.isError)?.error ??
    bulk.status.error ??
    bulk.results.error;

  function toggle(address: string) {
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(address)) next.delete(address);
      else next.add(address);
      return next;
    });
  }

  return (
    <section className="support-tool" aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`} className="support-tool-title">
        Bulk check
      </h2>
      <p className="support-intro">
        Paste a customer’s list (one address a line, or a CSV with the addresses in any column) or import a CSV file. Every domain’s bounce,
        complaint and unsubscribe lists are read, in pages, and each address gets its status.
      </p>
      <p className="support-hint" data-testid="bulk-cost-note">
        Free: only suppression lists are read. Mailgun’s address validation and inbox placement are paid per address and are not used here.
      </p>
      <div className="bulk-input">
        <label htmlFor={`${base}-text`}>Addresses or CSV</label>
        <textarea
          id={`${base}-text`}
          className="support-textarea bulk-textarea"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'email\nalice@example.com\nbob@example.com'}
          spellCheck={false}
          data-testid="bulk-text"
        />
        <div className="support-actions">
          <Button onClick={() => bulk.parse.mutate(text)} disabled={text.trim() === '' || bulk.parse.isPending} data-testid="bulk-read">
            Read the pasted list
          </Button>
          <Button onClick={() => bulk.importFile.mutate()} disabled={bulk.importFile.isPending} data-testid="bulk-import">
            Import CSV…
          </Button>
        </div>
      </div>
      {list ? (
        <div className="bulk-list" data-testid="bulk-list">
          <p role="status" data-testid="bulk-list-summary">
            <strong>{list.addresses.length}</strong> addresses{list.fileName ? ` from ${list.fileName}` : ''}
            {list.headerSkipped ? `, header row skipped, column ${list.column}` : ''}
            {list.duplicates > 0 ? `, ${list.duplicates} duplicates left out` : ''}
            {list.invalidCount > 0 ? `, ${list.invalidCount} values that are not addresses` : ''}
            {list.truncated ? ', more than the 20,000 a check takes (the rest were left out)' : ''}.
          </p>
          {list.invalid.length > 0 ? (
            <details className="support-hint" data-testid="bulk-invalid">
              <summary>Not addresses</summary>
              <ul className="support-plain-list">
                {list.invalid.map((item) => (
                  <li key={item.row}>
                    row {item.row}: “{item.value}”
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="support-actions">
            <Button
              variant="primary"
              disabled={list.addresses.length === 0 || running || bulk.start.isPending}
              onClick={() => {
                setSelected(new Set());
                bulk.start.mutate(list.addresses);
              }}
              data-testid="bulk-start"
            >
              Check {list.addresses.length} addresses
            </Button>
          </div>
        </div>
      ) : null}
      {error ? <ErrorNotice error={toAppError(error)} testId="bulk-error" /> : null}
      {status ? (
        <div className="support-result" data-testid="bulk-result" data-state={status.state}>
          <div className="bulk-progress">
            <progress
              max={Math.max(1, status.listsTotal)}
              value={status.listsDone + status.failures.filter((f) => f.list !== 'domains').length}
              aria-label="Lists read"
            />
            <span role="status" data-testid="bulk-progress">
              {running ? 'Checking: ' : status.state === 'cancelled' ? 'Cancelled: ' : 'Done: '}
              {status.listsDone} of {status.listsTotal || '…'} lists read on {status.domains.length} domains, {status.calls} calls,{' '}
              {(status.elapsedMs / 1000).toFixed(1)} s
            </span>
            {running ? (
              <Button size="small" onClick={() => bulk.cancel.mutate()} data-testid="bulk-cancel">
                Cancel
              </Button>
            ) : null}
          </div>
          {!running ? (
            <p
              className={`support-verdict support-verdict-${status.counts.suppressed > 0 ? 'blocked' : 'clear'}`}
              data-testid="bulk-summary"
            >
              {status.counts.suppressed} of {status.total} suppressed, {status.counts.clear} clear
              {status.counts.unknown > 0 ? `, ${status.counts.unknown} not certain (a list could not be read)` : ''}.
            </p>
          ) : null}
          <p className="support-hint">{status.method}</p>
          {status.failures.length > 0 ? (
            <div className="support-gaps" data-testid="bulk-failures">
              <ul className="support-plain-list">
                {status.failures.map((f) => (
                  <li key={`${f.domain}-${f.list}`}>{f.message}</li>
                ))}
              </ul>
              {!running ? (
                <Button size="small" onClick={() => bulk.retry.mutate()} data-testid="bulk-retry">
                  Retry the failed lists
                </Button>
              ) : null}
            </div>
          ) : null}
          {bulk.release.data ? (
            <p className="support-verdict support-verdict-clear" role="status" data-testid="bulk-release-message">
              {bulk.release.data.message}
            </p>
          ) : null}
          {allRows ? (
            <>
              <div className="bulk-bar">
                <label htmlFor={`${base}-show`}>Show</label>
                <select
                  id={`${base}-show`}
                  className="support-input"
                  value={show}
                  onChange={(e) => setShow(e.target.value as Show)}
                  data-testid="bulk-show"
                >
                  <option value="all">all ({allRows.length})</option>
                  <option value="suppressed">suppressed ({status.counts.suppressed})</option>
                  <option value="clear">clear ({status.counts.clear})</option>
                  <option value="unknown">not certain ({status.counts.unknown})</option>
                </select>
                <Button
                  size="small"
                  disabled={readOnly}
                  onClick={() => setSelected(new Set(allRows.filter((r) => r.hits.length > 0).map((r) => r.address)))}
                  data-testid="bulk-select-all"
                >
                  Select all suppressed
                </Button>
                <span className="bulk-spacer" />
                {readOnly ? (
                  <span className="support-muted" data-testid="bulk-read-only">
                    Read-only environment: nothing can be released
                  </span>
                ) : (
                  <Button
                    variant="danger"
                    size="small"
                    disabled={items.length === 0 || bulk.release.isPending}
                    onClick={() => setConfirming(true)}
                    data-testid="bulk-release"
                  >
                    Release {selected.size} selected
                  </Button>
                )}
                <Button size="small" onClick={() => bulk.exportCsv.mutate()} data-testid="bulk-export">
                  Export CSV
                </Button>
              </div>
              {bulk.exportCsv.data?.saved ? (
                <p className="support-hint" role="status" data-testid="bulk-exported">
                  Saved {bulk.exportCsv.data.rows} rows to {bulk.exportCsv.data.path ?? bulk.exportCsv.data.fileName}.
                </p>
              ) : null}
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling list must be reachable by keyboard. */}
              <div ref={scrollRef} className="bulk-scroll" tabIndex={0} data-testid="bulk-rows">
                <ul className="bulk-rows-list" aria-label="Addresses checked" style={{ height: virtual.getTotalSize() }}>
                  {virtual.getVirtualItems().map((item) => {
                    const row = rows[item.index];
                    return row ? (
                      <ResultRow
                        key={row.address}
                        row={row}
                        top={item.start}
                        checked={selected.has(row.address)}
                        canSelect={!readOnly}
                        onToggle={() => toggle(row.address)}
                      />
                    ) : null;
                  })}
                </ul>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          testId="bulk-confirm"
          title={`Release ${selected.size} addresses?`}
          confirmLabel="Release"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            bulk.release.mutate(items, { onSuccess: () => setSelected(new Set()) });
          }}
        >
          <p>
            {items.length} {items.length === 1 ? 'entry' : 'entries'} will be removed from the suppression lists of “{environment.name}”, so
            Mailgun tries to deliver to {selected.size === 1 ? 'this address' : 'these addresses'} again.
            {items.some((i) => i.list === 'complaints')
              ? ' Some of them marked mail as spam; sending to them again can harm your reputation.'
              : ''}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
