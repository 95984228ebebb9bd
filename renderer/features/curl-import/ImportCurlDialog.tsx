import { useId, useState } from 'react';
import { useWorkbenchStore } from '../../app/workbench-store';
import { Button, Dialog } from '../../ui';
import { openPasted } from './open-pasted';

/** A textarea for a curl command or a URL; the command is gone from the page once it has been imported. */
export function ImportCurlDialog({ onClose }: { onClose: () => void }) {
  const store = useWorkbenchStore();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const errorId = useId();

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const result = await openPasted(text, store);
    setBusy(false);
    if (result.ok) {
      setText('');
      onClose();
    } else {
      setError(result.message);
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
        {error ? (
          <p id={errorId} className="notice notice-danger" role="alert" data-testid="import-curl-error">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

/** Opens the import dialog; sits in the top bar. */
export function ImportCurlButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button data-testid="import-curl" title="Open a pasted curl command or Mailgun URL" onClick={() => setOpen(true)}>
        Import cURL…
      </Button>
      {open ? <ImportCurlDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
