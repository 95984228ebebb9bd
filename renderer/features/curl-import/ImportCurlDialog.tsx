import { useId, useState } from 'react';
import { isSandboxEnvironmentId } from '../../../shared/sandbox/constants';
import { useWorkbenchStore } from '../../app/workbench-store';
import { toAppError } from '../../bridge/client';
import { Button, createOpenFlag, Dialog } from '../../ui';
import { openPasted } from './open-pasted';
import { useActiveEnvironmentOf, useStoreKeyFromCurl } from './use-store-key';

/** A textarea for a curl command or a URL; the command is gone from the page once it has been imported. */
export function ImportCurlDialog({ onClose }: { onClose: () => void }) {
  const store = useWorkbenchStore();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const errorId = useId();

  const environment = useActiveEnvironmentOf();
  const canStoreKey = environment !== null && !isSandboxEnvironmentId(environment.id);
  const [storeKey, setStoreKey] = useState(false);
  const storeKeyFromCurl = useStoreKeyFromCurl();

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      let keyNotice: string | undefined;
      if (storeKey && canStoreKey && environment) {
        const { parseCurl } = await import('../../../shared/curl/parse-curl');
        const parsed = parseCurl(text);
        if (!parsed.ok) {
          setError(parsed.message);
          return;
        }
        try {
          const stored = await storeKeyFromCurl.mutateAsync({ environmentId: environment.id, command: text });
          keyNotice = `The key in the command is now the key of “${environment.name}”${stored.keyLast4 ? ` (ending ${stored.keyLast4})` : ''}, kept in the system keychain.`;
        } catch (failure) {
          setError(`The key was not stored: ${toAppError(failure).message} Untick “Store the key” to import without it.`);
          return;
        }
      }
      const result = await openPasted(text, store, undefined, keyNotice);
      if (result.ok) {
        setText('');
        onClose();
      } else {
        setError(result.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Import cURL"
      testId="import-curl-dialog"
      onClose={onClose}
      size="large"
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" data-testid="import-curl-submit" disabled={text.trim() === '' || busy} onClick={() => void submit()}>
            Import
          </Button>
        </>
      }
    >
      <form
        className="import-curl-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p id={hintId} className="muted">
          Paste a curl command (from Mailgun’s docs or a terminal) or a Mailgun URL. It opens as the catalog endpoint it calls, with its
          values filled in, or as a custom request. A key in <code>-u</code>, <code>--user</code> or an <code>Authorization</code> header is
          left out: your environment’s key is used.
        </p>
        <textarea
          className="import-curl-text"
          data-testid="import-curl-text"
          aria-label="curl command or URL"
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          data-autofocus
          rows={10}
          spellCheck={false}
          autoComplete="off"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
        />
        {canStoreKey ? (
          <label className="import-curl-store-key">
            <input
              type="checkbox"
              data-testid="import-curl-store-key"
              checked={storeKey}
              onChange={(event) => setStoreKey(event.target.checked)}
            />
            Store the key in the command as the key of “{environment?.name}” (main reads it from the command into the system keychain; it is
            never shown)
          </label>
        ) : null}
        {error ? (
          <p id={errorId} className="notice notice-danger" role="alert" data-testid="import-curl-error">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

const importDialog = createOpenFlag();

/** Opens the import dialog from anywhere, such as the command palette. */
export const openImportCurl = importDialog.open;

/** Opens the import dialog; sits in the top bar and holds the dialog, however it was opened. */
export function ImportCurlButton() {
  const open = importDialog.useIsOpen();
  return (
    <>
      <Button data-testid="import-curl" title="Open a pasted curl command or Mailgun URL" onClick={openImportCurl}>
        Import cURL…
      </Button>
      {open ? <ImportCurlDialog onClose={importDialog.close} /> : null}
    </>
  );
}
