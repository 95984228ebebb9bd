import { useId, useState } from 'react';
import type { CollectionExportResult, SavedCollection } from '../../../shared/bridge/collections';
import { toAppError } from '../../bridge/client';
import { Button, Dialog, ErrorNotice } from '../../ui';
import { useExportCollection } from './use-saved-requests';

export interface ExportDialogProps {
  readonly collections: readonly SavedCollection[];
  readonly environmentId: string | null;
  readonly initialCollectionId?: string | undefined;
  readonly onClose: () => void;
  readonly onExported: (result: CollectionExportResult) => void;
}

/**
 * Postman export: saved requests or the whole catalog, optionally with an
 * environment file. The key goes in only if ticked and then confirmed.
 */
export function ExportDialog({ collections, environmentId, initialCollectionId, onClose, onExported }: ExportDialogProps) {
  const exporter = useExportCollection();
  const [scope, setScope] = useState<'saved' | 'catalog'>(collections.length === 0 ? 'catalog' : 'saved');
  const [collectionId, setCollectionId] = useState(initialCollectionId ?? '');
  const [withEnvironment, setWithEnvironment] = useState(environmentId !== null);
  const [includeKeys, setIncludeKeys] = useState(false);
  const [confirmingKey, setConfirmingKey] = useState(false);
  const selectId = useId();

  const run = () => {
    setConfirmingKey(false);
    exporter
      .mutateAsync({
        scope,
        includeKeys: withEnvironment && includeKeys,
        ...(scope === 'saved' && collectionId ? { collectionId } : {}),
        ...(withEnvironment && environmentId ? { environmentId } : {}),
      })
      .then(onExported)
      .catch(() => undefined);
  };

  if (confirmingKey) {
    return (
      <Dialog
        size="small"
        title="Put the API key in the environment file?"
        role="alertdialog"
        testId="export-key-dialog"
        onClose={() => setConfirmingKey(false)}
        actions={
          <>
            <Button data-autofocus onClick={() => setConfirmingKey(false)}>
              Cancel
            </Button>
            <Button variant="danger" data-testid="export-key-confirm" onClick={run}>
              Include the key
            </Button>
          </>
        }
      >
        <p>The environment file will contain the API key in plain text. Anyone with the file can use your Mailgun account.</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      size="small"
      title="Export as Postman collection"
      testId="export-dialog"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            data-testid="export-confirm"
            disabled={exporter.isPending}
            onClick={() => (withEnvironment && includeKeys ? setConfirmingKey(true) : run())}
          >
            Export…
          </Button>
        </>
      }
    >
      <fieldset className="saved-fieldset">
        <legend>What to export</legend>
        <label>
          <input
            type="radio"
            name="export-scope"
            data-testid="export-scope-saved"
            checked={scope === 'saved'}
            disabled={collections.length === 0}
            onChange={() => setScope('saved')}
          />{' '}
          Saved requests
        </label>
        <label>
          <input
            type="radio"
            name="export-scope"
            data-testid="export-scope-catalog"
            checked={scope === 'catalog'}
            onChange={() => setScope('catalog')}
          />{' '}
          The whole endpoint catalog
        </label>
      </fieldset>
      {scope === 'saved' ? (
        <label className="ui-field" htmlFor={selectId}>
          Collection
          <select id={selectId} data-testid="export-collection" value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
            <option value="">All collections</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="saved-check">
        <input
          type="checkbox"
          data-testid="export-with-environment"
          checked={withEnvironment}
          disabled={environmentId === null}
          onChange={(e) => setWithEnvironment(e.target.checked)}
        />{' '}
        Also save a Postman environment file for the current environment
      </label>
      {withEnvironment ? (
        <label className="saved-check">
          <input
            type="checkbox"
            data-testid="export-include-key"
            checked={includeKeys}
            onChange={(e) => setIncludeKeys(e.target.checked)}
          />{' '}
          Include the API key in the environment file
        </label>
      ) : null}
      {exporter.isError ? <ErrorNotice error={toAppError(exporter.error)} testId="export-error" /> : null}
    </Dialog>
  );
}
