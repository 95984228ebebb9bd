import { useId, useState } from 'react';
import type { CustomRequest, SavedRequest, SavedTarget } from '../../../shared/bridge/collections';
import type { AppError } from '../../../shared/errors';
import type { RequestValues } from '../../../shared/request';
import { toAppError } from '../../bridge/client';
import { Button, Dialog, ErrorNotice, hasMod, modKey, useGlobalShortcut } from '../../ui';
import { callCollections } from './collection-calls';
import { useSavedRequests, useSaveRequest } from './use-saved-requests';
import './collections.css';

/** A catalog request by its endpoint and values, or a free-form one as it stands. */
type SaveSource =
  | { readonly endpointId: string; readonly values: RequestValues; readonly custom?: undefined }
  | { readonly custom: CustomRequest; readonly endpointId?: undefined; readonly values?: undefined };

const targetOf = (source: SaveSource): SavedTarget =>
  source.custom ? { kind: 'custom', request: source.custom } : { kind: 'catalog', endpointId: source.endpointId, values: source.values };

export type SaveRequestButtonProps = SaveSource & {
  readonly environmentId: string | null;
  /** Suggested name, e.g. the endpoint's summary. */
  readonly defaultName?: string;
  /** The saved request this one came from: Ctrl/Cmd+S and Save write over it without asking. */
  readonly saved?: { readonly id: string; readonly collectionId: string; readonly name: string };
  readonly onSaved?: (saved: SavedRequest) => void;
};

const NEW_COLLECTION = '__new__';

/** Saves the request being edited (values, never the key or picked files) into a collection. */
export function SaveRequestButton({ environmentId, defaultName = '', saved: linked, onSaved, ...source }: SaveRequestButtonProps) {
  const target = targetOf(source as SaveSource);
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<{ name: string; keyRemoved: boolean } | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const save = useSaveRequest();
  // The first save asks where; after that the same saved request is written over.
  const saveNow = () => {
    if (!linked) {
      setOpen(true);
      return;
    }
    setFailure(null);
    save
      .mutateAsync({
        id: linked.id,
        collectionId: linked.collectionId,
        name: linked.name,
        target,
        ...(environmentId ? { environmentId } : {}),
      })
      .then((result) => {
        setSaved({ name: result.name, keyRemoved: result.keyRemoved === true });
        onSaved?.(result);
      })
      .catch((error: unknown) => setFailure(toAppError(error)));
  };
  useGlobalShortcut((event) => {
    if (hasMod(event) && !event.shiftKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      saveNow();
    }
  });
  return (
    <>
      <Button size="small" data-testid="save-request" onClick={saveNow} title={`Save this request (${modKey}+S)`}>
        {linked ? 'Save' : 'Save…'}
      </Button>
      {failure ? <ErrorNotice error={failure} testId="save-request-error" /> : null}
      <span className="saved-flash" role="status" data-testid="save-request-status">
        {saved
          ? `Saved as “${saved.name}”${saved.keyRemoved ? '. The API key was taken out of it: the app adds the key itself when sending.' : ''}`
          : ''}
      </span>
      {open ? (
        <SaveRequestDialog
          target={target}
          environmentId={environmentId}
          defaultName={defaultName}
          onClose={() => setOpen(false)}
          onSaved={(outcome) => {
            setOpen(false);
            setSaved({ name: outcome.name, keyRemoved: outcome.keyRemoved === true });
            onSaved?.(outcome);
          }}
        />
      ) : null}
    </>
  );
}

function SaveRequestDialog({
  target,
  environmentId,
  defaultName,
  onClose,
  onSaved,
}: {
  target: SavedTarget;
  defaultName: string;
  environmentId: string | null;
  onClose: () => void;
  onSaved: (outcome: SavedRequest & { readonly keyRemoved?: true }) => void;
}) {
  const list = useSavedRequests();
  const save = useSaveRequest();
  const collections = list.data?.collections ?? [];
  const [name, setName] = useState(defaultName);
  const [collectionId, setCollectionId] = useState<string>('');
  const [newName, setNewName] = useState('');
  const [failure, setFailure] = useState<AppError | null>(null);
  const nameId = useId();
  const collectionFieldId = useId();
  const newId = useId();
  const chosen = collectionId || collections[0]?.id || NEW_COLLECTION;
  const creating = chosen === NEW_COLLECTION;

  const submit = async () => {
    let collection = chosen;
    if (creating) collection = (await callCollections('createCollection', { name: newName })).id;
    const result = await save.mutateAsync({
      collectionId: collection,
      name,
      target,
      ...(environmentId ? { environmentId } : {}),
    });
    onSaved(result);
  };

  return (
    <Dialog
      size="small"
      title="Save request"
      testId="save-request-dialog"
      onClose={onClose}
      actions={
        <>
          <Button data-testid="save-request-cancel" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={`${nameId}-form`}
            variant="primary"
            data-testid="save-request-confirm"
            disabled={save.isPending || name.trim() === '' || (creating && newName.trim() === '')}
          >
            Save
          </Button>
        </>
      }
    >
      <form
        id={`${nameId}-form`}
        className="ui-dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          setFailure(null);
          submit().catch((error: unknown) => setFailure(toAppError(error)));
        }}
      >
        <label className="ui-field" htmlFor={nameId}>
          Name
          <input
            id={nameId}
            data-autofocus
            data-testid="save-request-name"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="ui-field" htmlFor={collectionFieldId}>
          Collection
          <select
            id={collectionFieldId}
            data-testid="save-request-collection"
            value={chosen}
            onChange={(e) => setCollectionId(e.target.value)}
          >
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NEW_COLLECTION}>New collection…</option>
          </select>
        </label>
        {creating ? (
          <label className="ui-field" htmlFor={newId}>
            New collection name
            <input
              id={newId}
              data-testid="save-request-new-collection"
              value={newName}
              maxLength={120}
              onChange={(e) => setNewName(e.target.value)}
            />
          </label>
        ) : null}
        <p className="muted saved-hint">The API key is never saved. Picked files are kept by name and must be picked again.</p>
      </form>
      {failure ? <ErrorNotice error={failure} testId="save-request-error" /> : null}
    </Dialog>
  );
}
