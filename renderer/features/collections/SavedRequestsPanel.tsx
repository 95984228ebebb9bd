import { type ReactNode, useId, useState } from 'react';
import type {
  CollectionExportResult,
  CollectionImportFromFileResult,
  SavedCollection,
  SavedRequest,
} from '../../../shared/bridge/collections';
import type { ImportFromFileResult } from '../../../shared/bridge/environments';
import type { AppError } from '../../../shared/errors';
import type { ResponseRecord } from '../../../shared/requests/types';
import { toAppError } from '../../bridge/client';
import { Button, Dialog, ErrorNotice, StoreRecoveryNotice } from '../../ui';
import { ExportDialog } from './ExportDialog';
import {
  useCreateCollection,
  useDeleteCollection,
  useDeleteSavedRequest,
  useEditSavedRequest,
  useImportCollection,
  useImportPostmanEnvironment,
  useRenameCollection,
  useRunSavedRequest,
  useSavedRequests,
} from './use-saved-requests';
import './collections.css';

export interface SavedRequestsPanelProps {
  /** The environment runs go to; running is disabled without one. */
  readonly environmentId: string | null;
  /** Opens a catalog request in the editor with its saved values. */
  readonly onOpen?: (request: SavedRequest) => void;
  /** Called with the response of a run, so the workbench can show it. */
  readonly onResponse?: (response: ResponseRecord, request: SavedRequest) => void;
}

type OpenDialog =
  | { kind: 'new-collection' }
  | { kind: 'rename-collection'; collection: SavedCollection }
  | { kind: 'delete-collection'; collection: SavedCollection; count: number }
  | { kind: 'edit-request'; request: SavedRequest }
  | { kind: 'delete-request'; request: SavedRequest }
  | { kind: 'confirm-delete-run'; request: SavedRequest }
  | { kind: 'export'; collectionId?: string };

type Outcome =
  | { kind: 'import'; result: Exclude<CollectionImportFromFileResult, { cancelled: true }> }
  | { kind: 'environment'; result: Exclude<ImportFromFileResult, { cancelled: true }> }
  | { kind: 'export'; result: CollectionExportResult }
  | { kind: 'run'; request: SavedRequest; response: ResponseRecord }
  | { kind: 'error'; error: AppError };

/** Collections of saved requests, with run, open, rename, move, delete, and Postman import and export. */
export function SavedRequestsPanel({ environmentId, onOpen, onResponse }: SavedRequestsPanelProps) {
  const list = useSavedRequests();
  const importCollection = useImportCollection();
  const importEnvironment = useImportPostmanEnvironment();
  const run = useRunSavedRequest();
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const report = (promise: Promise<Outcome | null>) => {
    promise.then((next) => next && setOutcome(next)).catch((error: unknown) => setOutcome({ kind: 'error', error: toAppError(error) }));
  };

  const runRequest = (request: SavedRequest, confirmedDestructive = false) => {
    if (!environmentId) return;
    run
      .run({ savedId: request.id, environmentId, ...(confirmedDestructive ? { confirmedDestructive } : {}) })
      .then((response) => {
        onResponse?.(response, request);
        setOutcome({ kind: 'run', request, response });
      })
      .catch((error: unknown) => {
        const appError = toAppError(error);
        // Main decides what needs confirming; a DELETE comes back asking for it.
        if (appError.field === 'confirmedDestructive' && !confirmedDestructive) setDialog({ kind: 'confirm-delete-run', request });
        else setOutcome({ kind: 'error', error: appError });
      });
  };

  const collections = list.data?.collections ?? [];
  const requests = list.data?.requests ?? [];

  return (
    <section className="saved-panel" aria-labelledby="saved-panel-title" data-testid="saved-requests-panel">
      <header className="saved-header">
        <h2 id="saved-panel-title" className="saved-title">
          Saved requests
        </h2>
        <div className="saved-toolbar">
          <Button size="small" data-testid="saved-new-collection" onClick={() => setDialog({ kind: 'new-collection' })}>
            New collection
          </Button>
          <Button
            size="small"
            data-testid="saved-import"
            disabled={importCollection.isPending}
            onClick={() =>
              report(
                importCollection
                  .mutateAsync(environmentId)
                  .then((result) => (result.cancelled ? null : { kind: 'import' as const, result })),
              )
            }
          >
            Import Postman…
          </Button>
          <Button
            size="small"
            data-testid="saved-import-environment"
            disabled={importEnvironment.isPending}
            onClick={() =>
              report(importEnvironment.mutateAsync().then((result) => (result.cancelled ? null : { kind: 'environment' as const, result })))
            }
          >
            Import environment…
          </Button>
          <Button size="small" data-testid="saved-export" onClick={() => setDialog({ kind: 'export' })}>
            Export…
          </Button>
        </div>
      </header>

      {outcome ? <OutcomeNotice outcome={outcome} onDismiss={() => setOutcome(null)} /> : null}
      <StoreRecoveryNotice notice={list.data?.recovery} title="Your saved requests had to be recovered." testId="saved-recovery" />

      {list.isPending ? (
        <p className="muted saved-empty" role="status" data-testid="saved-loading">
          Loading saved requests…
        </p>
      ) : list.isError ? (
        <ErrorNotice error={toAppError(list.error)} testId="saved-error" />
      ) : collections.length === 0 ? (
        <p className="muted saved-empty" data-testid="saved-empty">
          Nothing saved yet. Save the request you are editing, or import a Postman collection.
        </p>
      ) : (
        <ul className="saved-tree" data-testid="saved-tree">
          {collections.map((collection) => {
            const items = requests.filter((r) => r.collectionId === collection.id);
            const open = !collapsed.has(collection.id);
            return (
              <li key={collection.id} className="saved-collection" data-testid={`saved-collection-${collection.name}`}>
                <div className="saved-row saved-collection-row">
                  <button
                    type="button"
                    className="saved-toggle"
                    aria-expanded={open}
                    data-testid="saved-collection-toggle"
                    onClick={() =>
                      setCollapsed((current) => {
                        const next = new Set(current);
                        if (next.has(collection.id)) next.delete(collection.id);
                        else next.add(collection.id);
                        return next;
                      })
                    }
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span> {collection.name} <span className="muted">({items.length})</span>
                  </button>
                  <span className="saved-row-actions">
                    <Button
                      variant="link"
                      size="small"
                      aria-label={`Export ${collection.name}`}
                      onClick={() => setDialog({ kind: 'export', collectionId: collection.id })}
                    >
                      Export
                    </Button>
                    <Button
                      variant="link"
                      size="small"
                      aria-label={`Rename ${collection.name}`}
                      onClick={() => setDialog({ kind: 'rename-collection', collection })}
                    >
                      Rename
                    </Button>
                    <Button
                      variant="link"
                      size="small"
                      className="saved-link-danger"
                      aria-label={`Delete ${collection.name}`}
                      onClick={() => setDialog({ kind: 'delete-collection', collection, count: items.length })}
                    >
                      Delete
                    </Button>
                  </span>
                </div>
                {open ? (
                  <ul className="saved-requests">
                    {items.length === 0 ? <li className="muted saved-empty-collection">Empty</li> : null}
                    {items.map((request) => (
                      <li key={request.id} className="saved-row saved-request" data-testid={`saved-request-${request.name}`}>
                        <span
                          className={`saved-kind saved-kind-${request.target.kind}`}
                          title={request.target.kind === 'custom' ? 'Custom request' : request.target.endpointId}
                        >
                          {request.target.kind === 'custom' ? request.target.request.method : 'API'}
                        </span>
                        <span className="saved-name" title={request.name}>
                          {request.name}
                          {request.missingFiles.length > 0 ? (
                            <span className="saved-files muted"> · needs {request.missingFiles.map((f) => f.name).join(', ')}</span>
                          ) : null}
                        </span>
                        <span className="saved-row-actions">
                          {onOpen ? (
                            <Button
                              variant="link"
                              size="small"
                              data-testid="saved-open"
                              aria-label={`Open ${request.name}`}
                              onClick={() => onOpen(request)}
                            >
                              Open
                            </Button>
                          ) : null}
                          {run.runningId === request.id ? (
                            <Button
                              variant="link"
                              size="small"
                              data-testid="saved-run-cancel"
                              aria-label={`Cancel running ${request.name}`}
                              onClick={run.cancel}
                            >
                              Cancel
                            </Button>
                          ) : (
                            <Button
                              variant="link"
                              size="small"
                              data-testid="saved-run"
                              aria-label={`Run ${request.name}`}
                              disabled={!environmentId || run.isPending}
                              title={environmentId ? undefined : 'Choose an environment first'}
                              onClick={() => runRequest(request)}
                            >
                              Run
                            </Button>
                          )}
                          <Button
                            variant="link"
                            size="small"
                            aria-label={`Edit ${request.name}`}
                            onClick={() => setDialog({ kind: 'edit-request', request })}
                          >
                            Edit
                          </Button>
                          <Button
                            variant="link"
                            size="small"
                            className="saved-link-danger"
                            aria-label={`Delete ${request.name}`}
                            onClick={() => setDialog({ kind: 'delete-request', request })}
                          >
                            Delete
                          </Button>
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}

      {dialog ? (
        <PanelDialog
          dialog={dialog}
          collections={collections}
          environmentId={environmentId}
          onClose={() => setDialog(null)}
          onRunConfirmed={(request) => {
            setDialog(null);
            runRequest(request, true);
          }}
          onExported={(result) => {
            setDialog(null);
            setOutcome({ kind: 'export', result });
          }}
        />
      ) : null}
    </section>
  );
}

function OutcomeNotice({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  let body: ReactNode;
  let warnings: readonly string[] = [];
  switch (outcome.kind) {
    case 'error':
      return (
        <div className="saved-outcome" data-testid="saved-outcome">
          <ErrorNotice error={outcome.error} testId="saved-outcome-error" />
          <Button variant="link" size="small" onClick={onDismiss}>
            Dismiss
          </Button>
        </div>
      );
    case 'import': {
      const { result } = outcome;
      warnings = result.warnings;
      body = (
        <>
          Imported {result.imported} request{result.imported === 1 ? '' : 's'} from {result.fileName} into{' '}
          {result.collections.map((c) => `“${c.name}”`).join(', ')}: {result.mapped} matched catalog endpoints, {result.custom} kept as
          custom requests.
          {result.environment
            ? ` Environment “${result.environment.name}”${result.environment.keyStored ? ' received the key from the file (stored in the keychain)' : ' was set up from the file'}.`
            : ''}
        </>
      );
      break;
    }
    case 'environment':
      warnings = outcome.result.warnings;
      body = `Imported ${outcome.result.imported.length} environment${outcome.result.imported.length === 1 ? '' : 's'} from ${outcome.result.fileName}.`;
      break;
    case 'export': {
      const { result } = outcome;
      body = result.saved
        ? `Exported ${result.requests} request${result.requests === 1 ? '' : 's'} to ${result.fileName}.${
            result.environmentFile
              ? ` Environment file ${result.environmentFile.saved ? `saved as ${result.environmentFile.fileName}` : 'not saved'}${result.environmentFile.keyIncluded ? ' — it contains the API key' : ''}.`
              : ''
          }`
        : 'Export cancelled.';
      break;
    }
    case 'run':
      body = `${outcome.request.name}: ${outcome.response.status} ${outcome.response.statusText}`;
      break;
  }
  return (
    <div className="saved-outcome" role="status" data-testid="saved-outcome">
      <p>{body}</p>
      {warnings.length > 0 ? (
        <ul className="saved-warnings" data-testid="saved-warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <Button variant="link" size="small" data-testid="saved-outcome-dismiss" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}

function NameDialog(props: {
  title: string;
  initial: string;
  confirm: string;
  onSubmit: (name: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = () => {
    setBusy(true);
    props
      .onSubmit(name)
      .then(props.onClose)
      .catch((e: unknown) => setError(toAppError(e)))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog
      size="small"
      title={props.title}
      testId={props.testId}
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button variant="primary" data-testid={`${props.testId}-confirm`} disabled={busy || name.trim() === ''} onClick={submit}>
            {props.confirm}
          </Button>
        </>
      }
    >
      <label className="ui-field" htmlFor={id}>
        Name
        <input
          id={id}
          data-autofocus
          data-testid={`${props.testId}-name`}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && name.trim() !== '') submit();
          }}
        />
      </label>
      {error ? <ErrorNotice error={error} testId={`${props.testId}-error`} /> : null}
    </Dialog>
  );
}

function PanelDialog({
  dialog,
  collections,
  environmentId,
  onClose,
  onRunConfirmed,
  onExported,
}: {
  dialog: OpenDialog;
  collections: readonly SavedCollection[];
  environmentId: string | null;
  onClose: () => void;
  onRunConfirmed: (request: SavedRequest) => void;
  onExported: (result: CollectionExportResult) => void;
}) {
  const create = useCreateCollection();
  const renameCollection = useRenameCollection();
  const deleteCollection = useDeleteCollection();
  const deleteRequest = useDeleteSavedRequest();

  switch (dialog.kind) {
    case 'new-collection':
      return (
        <NameDialog
          title="New collection"
          initial=""
          confirm="Create"
          testId="collection-create"
          onClose={onClose}
          onSubmit={(name) => create.mutateAsync(name)}
        />
      );
    case 'rename-collection':
      return (
        <NameDialog
          title="Rename collection"
          initial={dialog.collection.name}
          confirm="Rename"
          testId="collection-rename"
          onClose={onClose}
          onSubmit={(name) => renameCollection.mutateAsync({ id: dialog.collection.id, name })}
        />
      );
    case 'edit-request':
      return <EditRequestDialog request={dialog.request} collections={collections} onClose={onClose} />;
    case 'delete-collection':
    case 'delete-request': {
      const what = dialog.kind === 'delete-collection' ? `the collection “${dialog.collection.name}”` : `“${dialog.request.name}”`;
      const more =
        dialog.kind === 'delete-collection' && dialog.count > 0
          ? ` and the ${dialog.count} request${dialog.count === 1 ? '' : 's'} in it`
          : '';
      return (
        <Dialog
          size="small"
          title="Delete?"
          role="alertdialog"
          testId="saved-delete-dialog"
          onClose={onClose}
          actions={
            <>
              <Button data-autofocus onClick={onClose}>
                Cancel
              </Button>
              <Button
                variant="danger"
                data-testid="saved-delete-confirm"
                onClick={() => {
                  const done =
                    dialog.kind === 'delete-collection'
                      ? deleteCollection.mutateAsync(dialog.collection.id)
                      : deleteRequest.mutateAsync(dialog.request.id);
                  done.finally(onClose);
                }}
              >
                Delete
              </Button>
            </>
          }
        >
          <p>
            Delete {what}
            {more}? This cannot be undone.
          </p>
        </Dialog>
      );
    }
    case 'confirm-delete-run':
      return (
        <Dialog
          size="small"
          title="Send a DELETE request?"
          role="alertdialog"
          testId="saved-run-delete-dialog"
          onClose={onClose}
          actions={
            <>
              <Button data-autofocus onClick={onClose}>
                Cancel
              </Button>
              <Button variant="danger" data-testid="saved-run-delete-confirm" onClick={() => onRunConfirmed(dialog.request)}>
                Delete
              </Button>
            </>
          }
        >
          <p>“{dialog.request.name}” deletes data in Mailgun. Send it?</p>
        </Dialog>
      );
    case 'export':
      return (
        <ExportDialog
          collections={collections}
          environmentId={environmentId}
          initialCollectionId={dialog.collectionId}
          onClose={onClose}
          onExported={onExported}
        />
      );
  }
}

function EditRequestDialog({
  request,
  collections,
  onClose,
}: {
  request: SavedRequest;
  collections: readonly SavedCollection[];
  onClose: () => void;
}) {
  const edit = useEditSavedRequest();
  const [name, setName] = useState(request.name);
  const [collectionId, setCollectionId] = useState(request.collectionId);
  const nameId = useId();
  const selectId = useId();
  const save = () =>
    edit
      .mutateAsync({
        id: request.id,
        name,
        collectionId,
        renamed: name.trim() !== request.name,
        moved: collectionId !== request.collectionId,
      })
      .then(onClose)
      .catch(() => undefined);
  return (
    <Dialog
      size="small"
      title="Edit saved request"
      testId="request-edit"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" data-testid="request-edit-confirm" disabled={edit.isPending || name.trim() === ''} onClick={save}>
            Save
          </Button>
        </>
      }
    >
      <label className="ui-field" htmlFor={nameId}>
        Name
        <input
          id={nameId}
          data-autofocus
          data-testid="request-edit-name"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="ui-field" htmlFor={selectId}>
        Collection
        <select id={selectId} data-testid="request-edit-collection" value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {edit.isError ? <ErrorNotice error={toAppError(edit.error)} testId="request-edit-error" /> : null}
    </Dialog>
  );
}
