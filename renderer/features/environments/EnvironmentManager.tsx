import { type ReactNode, useState } from 'react';
import { type Environment, type EnvironmentColour, environmentColourNames } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, Dialog, ErrorNotice, IconButton } from '../../ui';
import { isKeychainError, KeychainNotice } from './ApiKeyField';
import { EnvironmentEditor } from './EnvironmentEditor';
import { EnvironmentRows } from './EnvironmentRows';
import { LeftoverKeysNotice } from './LeftoverKeysNotice';
import type { ManagerRequest } from './manager-store';
import { ExportPanel, ImportOutcome, useImportFromFile } from './TransferPanel';
import { useDeleteEnvironment, useDuplicateEnvironment, useEnvironmentList, useReorderEnvironments } from './use-environments';
import './environments.css';

export interface EnvironmentManagerProps {
  readonly request: ManagerRequest;
  readonly onClose: () => void;
}

type Selection = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly id: string | null };

/** A colour not used yet, so a new environment looks different from the others. */
function freshColour(environments: readonly Environment[]): EnvironmentColour {
  const used = new Set(environments.map((environment) => environment.colour));
  return environmentColourNames.find((colour) => !used.has(colour) && colour !== 'slate') ?? 'blue';
}

/** The environments dialog: the list on the left, the editor on the right, import and export on top. */
export function EnvironmentManager({ request, onClose }: EnvironmentManagerProps) {
  const list = useEnvironmentList();
  const [selection, setSelection] = useState<Selection>(
    request.mode === 'create' ? { mode: 'create' } : { mode: 'edit', id: request.id ?? null },
  );
  // Changes only when the user picks another row or "New", so saving a new environment keeps the form (and a key that failed to store).
  const [editorSession, setEditorSession] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [deleting, setDeleting] = useState<Environment | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);
  const reorder = useReorderEnvironments();
  const duplicate = useDuplicateEnvironment();
  const remove = useDeleteEnvironment();
  const importer = useImportFromFile();

  const environments = list.data?.environments ?? [];
  const activeId = list.data?.activeId ?? null;
  const wantedId = selection.mode === 'edit' ? (selection.id ?? activeId) : null;
  const editing =
    selection.mode === 'edit' ? (environments.find((environment) => environment.id === wantedId) ?? environments[0] ?? null) : null;
  const creating = selection.mode === 'create' || (list.isSuccess && editing === null);

  const select = (next: Selection) => {
    setSelection(next);
    setEditorSession((value) => value + 1);
  };

  const onMove = (ids: readonly string[], moved: Environment, position: number) => {
    setActionError(null);
    reorder.mutate(ids, { onError: (error) => setActionError(toAppError(error)) });
    setAnnouncement(`Moved ${moved.name} to position ${position} of ${ids.length}.`);
  };

  const onDuplicate = (environment: Environment) => {
    setActionError(null);
    duplicate.mutate(environment.id, {
      onSuccess: (result) => {
        select({ mode: 'edit', id: result.environment.id });
        setAnnouncement(result.warning ?? `Created “${result.environment.name}”${result.keyCopied ? ', with a copy of the API key' : ''}.`);
      },
      onError: (error) => setActionError(toAppError(error)),
    });
  };

  const confirmDelete = (force: boolean) => {
    if (!deleting) return;
    const target = deleting;
    remove.mutate(
      { id: target.id, ...(force ? { force: true } : {}) },
      {
        onSuccess: (result) => {
          setDeleting(null);
          setDeleteError(null);
          if (editing?.id === target.id) select({ mode: 'edit', id: null });
          setAnnouncement(
            `Deleted “${target.name}”${result.keyDeleted ? ' and its API key' : ''}.${result.keyError ? ` Its API key is still in the keychain: ${result.keyError.message}` : ''}`,
          );
        },
        onError: (error) => setDeleteError(toAppError(error)),
      },
    );
  };

  let body: ReactNode;
  if (list.isPending) {
    body = (
      <p className="muted" role="status" data-testid="env-manager-loading">
        Loading environments…
      </p>
    );
  } else if (list.isError) {
    body = (
      <div>
        <ErrorNotice error={toAppError(list.error)} testId="env-manager-error" />
        <Button onClick={() => list.refetch()}>Try again</Button>
      </div>
    );
  } else {
    body = (
      <div className="env-manager-body">
        <div className="env-manager-side">
          <Button className="env-new" pressed={creating} onClick={() => select({ mode: 'create' })} data-testid="env-new">
            + New environment
          </Button>
          {environments.length === 0 ? (
            <div className="env-empty" data-testid="env-manager-empty">
              <strong>No environments yet</strong>
              <p>
                An environment holds a Mailgun region, a default domain and an API key, which goes to your OS keychain. Fill in the form to
                create your first one, or import a file exported earlier.
              </p>
            </div>
          ) : (
            <EnvironmentRows
              environments={environments}
              selectedId={creating ? null : (editing?.id ?? null)}
              activeId={activeId}
              onSelect={(environment) => select({ mode: 'edit', id: environment.id })}
              onMove={onMove}
              onDuplicate={onDuplicate}
              onDelete={(environment) => {
                setDeleteError(null);
                setDeleting(environment);
              }}
            />
          )}
          {actionError ? <ErrorNotice error={actionError} testId="env-action-error" /> : null}
          <LeftoverKeysNotice keys={list.data?.leftoverKeys ?? []} />
        </div>
        <div className="env-manager-main">
          <EnvironmentEditor
            key={editorSession}
            environment={creating ? null : editing}
            defaultColour={freshColour(environments)}
            onSaved={(saved) => setSelection({ mode: 'edit', id: saved.id })}
          />
        </div>
      </div>
    );
  }

  return (
    <Dialog
      title="Environments"
      onClose={onClose}
      testId="env-manager"
      className="env-manager"
      headerActions={
        <div className="env-manager-tools">
          <Button onClick={() => importer.mutate()} disabled={importer.isPending || !list.isSuccess} data-testid="env-import">
            {importer.isPending ? 'Importing…' : 'Import…'}
          </Button>
          <Button
            pressed={exporting}
            aria-expanded={exporting}
            onClick={() => setExporting((value) => !value)}
            disabled={environments.length === 0}
            data-testid="env-export"
          >
            Export…
          </Button>
          <IconButton label="Close" onClick={onClose} data-testid="env-manager-close">
            ✕
          </IconButton>
        </div>
      }
    >
      {exporting ? <ExportPanel environments={environments} selectedId={editing?.id ?? null} onClose={() => setExporting(false)} /> : null}
      {importer.isError ? <ErrorNotice error={toAppError(importer.error)} testId="env-import-error" /> : null}
      {importer.data && !importer.isPending ? <ImportOutcome result={importer.data} onClose={() => importer.reset()} /> : null}
      {body}
      <p className="env-sr-only" role="status" aria-live="polite" data-testid="env-announcement">
        {announcement}
      </p>
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel={deleteError && isKeychainError(deleteError) ? 'Delete anyway' : 'Delete environment'}
          onConfirm={() => confirmDelete(deleteError !== null && isKeychainError(deleteError))}
          onCancel={() => {
            setDeleting(null);
            setDeleteError(null);
          }}
          busy={remove.isPending}
          testId="env-delete-confirm"
        >
          <p>
            “{deleting.name}” ({deleting.domain}) is removed from this app.{' '}
            {deleting.hasKey
              ? 'Its API key is deleted from the OS keychain too.'
              : 'It has no stored API key; if the keychain still holds one for it, that is deleted too.'}{' '}
            This cannot be undone.
          </p>
          {deleteError ? <KeychainNotice error={deleteError} testId="env-delete-error" /> : null}
        </ConfirmDialog>
      ) : null}
    </Dialog>
  );
}
