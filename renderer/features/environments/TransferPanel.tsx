import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ExportToFileResult, ImportFromFileResult } from '../../../shared/bridge/environments';
import type { Environment } from '../../../shared/environments/types';
import { call, toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice, IconButton } from '../../ui';
import { invalidateEnvironments } from './use-environments';

type ExportFormat = 'json' | 'postman';

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface ExportPanelProps {
  readonly environments: readonly Environment[];
  readonly selectedId: string | null;
  readonly onClose: () => void;
}

/**
 * Export options. Main shows the save dialog and writes the file itself, so
 * even an export with keys never passes a key through the renderer.
 */
export function ExportPanel({ environments, selectedId, onClose }: ExportPanelProps) {
  const formId = useId();
  const [format, setFormat] = useState<ExportFormat>('json');
  const [postmanId, setPostmanId] = useState<string>(selectedId ?? environments[0]?.id ?? '');
  const [includeKeys, setIncludeKeys] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const exporter = useMutation({
    mutationFn: (arg: { format: ExportFormat; ids?: string[]; includeKeys: boolean }) => call('exportEnvironmentsToFile', arg),
  });
  const keyCount = (format === 'json' ? environments : environments.filter((e) => e.id === postmanId)).filter((e) => e.hasKey).length;

  const run = () => {
    setConfirming(false);
    exporter.mutate({ format, includeKeys, ...(format === 'postman' ? { ids: [postmanId] } : {}) });
  };

  return (
    <section className="env-transfer" aria-labelledby={`${formId}-title`} data-testid="env-export-panel">
      <h3 id={`${formId}-title`} className="env-transfer-title">
        Export environments
      </h3>
      <fieldset className="env-fieldset">
        <legend className="env-label">Format</legend>
        <label className="env-inline-choice">
          <input
            type="radio"
            name={`${formId}-format`}
            checked={format === 'json'}
            onChange={() => setFormat('json')}
            data-testid="env-export-json"
          />
          Mailgun Explorer JSON: all {plural(environments.length, 'environment')}
        </label>
        <label className="env-inline-choice">
          <input
            type="radio"
            name={`${formId}-format`}
            checked={format === 'postman'}
            onChange={() => setFormat('postman')}
            data-testid="env-export-postman"
          />
          Postman environment: one environment
        </label>
        {format === 'postman' ? (
          <label className="env-inline-choice env-indent">
            <span>Environment</span>
            <select
              className="env-input"
              value={postmanId}
              onChange={(event) => setPostmanId(event.target.value)}
              data-testid="env-export-postman-pick"
            >
              {environments.map((environment) => (
                <option key={environment.id} value={environment.id}>
                  {environment.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </fieldset>
      <label className="env-inline-choice">
        <input
          type="checkbox"
          checked={includeKeys}
          onChange={(event) => setIncludeKeys(event.target.checked)}
          data-testid="env-export-include-keys"
        />
        Include API keys
      </label>
      {includeKeys ? (
        <div className="env-warning" role="alert" data-testid="env-export-keys-warning">
          <strong>The file will hold {keyCount === 1 ? 'an API key' : 'API keys'} in plain text.</strong>
          <p>
            Anyone who gets the file can use {keyCount === 1 ? 'that key' : 'those keys'} to read data and send mail as you. Keep it out of
            shared folders, chat and version control, and delete it once imported elsewhere. The file name ends in -WITH-KEYS.
          </p>
        </div>
      ) : null}
      <div className="env-transfer-actions">
        <Button
          variant={includeKeys ? 'warn' : 'primary'}
          disabled={exporter.isPending || environments.length === 0 || (format === 'postman' && postmanId === '')}
          onClick={() => (includeKeys ? setConfirming(true) : run())}
          data-testid="env-export-run"
        >
          {exporter.isPending ? 'Exporting…' : includeKeys ? 'Export with keys…' : 'Export…'}
        </Button>
        <Button onClick={onClose} data-testid="env-export-close">
          Close
        </Button>
      </div>
      {exporter.isError ? <ErrorNotice error={toAppError(exporter.error)} testId="env-export-error" /> : null}
      {exporter.data ? <ExportOutcome result={exporter.data} /> : null}
      {confirming ? (
        <ConfirmDialog
          title="Write API keys to a file?"
          confirmLabel="Export with keys"
          tone="warn"
          onConfirm={run}
          onCancel={() => setConfirming(false)}
          testId="env-export-keys-confirm"
        >
          <p>
            {keyCount === 0
              ? 'None of the chosen environments has a stored key, so the file will hold none.'
              : `${plural(keyCount, 'API key')} will be written to the file in plain text.`}{' '}
            Only continue if you need to move them to another machine and can keep the file safe.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function ExportOutcome({ result }: { result: ExportToFileResult }) {
  if (!result.saved) {
    return (
      <p className="env-status" role="status" data-testid="env-export-result">
        Export cancelled; nothing was written.
      </p>
    );
  }
  return (
    <p className="env-status env-status-ok" role="status" data-testid="env-export-result">
      Saved {plural(result.count, 'environment')}
      {result.keysIncluded > 0 ? ` with ${plural(result.keysIncluded, 'API key')}` : ' without API keys'} to{' '}
      <code>{result.path ?? result.fileName}</code>.
    </p>
  );
}

export function useImportFromFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('importEnvironmentsFromFile', { format: 'auto' }),
    onSettled: () => invalidateEnvironments(client),
  });
}

export function ImportOutcome({ result, onClose }: { result: ImportFromFileResult; onClose: () => void }) {
  if (result.cancelled) return null;
  const count = result.imported.length;
  return (
    <section
      className={`env-import-result ${count > 0 ? 'env-status-ok' : ''}`}
      role="status"
      data-testid="env-import-result"
      aria-label="Import result"
    >
      <div className="env-import-head">
        <strong>
          Imported {plural(count, 'environment')} from <code>{result.fileName}</code>
          {result.format === 'postman' ? ' (Postman)' : ''}.
        </strong>
        <IconButton label="Dismiss import result" onClick={onClose} data-testid="env-import-dismiss">
          ✕
        </IconButton>
      </div>
      <p>
        {result.keysStored > 0 ? `${plural(result.keysStored, 'API key')} stored in the OS keychain.` : 'No API keys were stored.'}
        {result.skipped > 0 ? ` ${plural(result.skipped, 'entry', 'entries')} skipped.` : ''}
      </p>
      {result.warnings.length > 0 ? (
        <ul className="env-import-warnings" data-testid="env-import-warnings">
          {result.warnings.map((warning, index) => (
            // Warnings can repeat word for word, so their position is part of the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders.
            <li key={index}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
