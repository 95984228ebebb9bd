import { type ClipboardEvent, type KeyboardEvent, memo, useId, useState } from 'react';
import type { EndpointDef } from '../../../shared/catalog/types';
import { looksLikeCurl } from '../../../shared/curl/looks-like-curl';
import { type RequestTarget, type RequestValues, resolvePath } from '../../../shared/request';
import { MethodBadge } from '../catalog';
import { useOpenPasted } from '../curl-import';

/**
 * The URL as it would be sent right now; placeholders still missing a value stay visible as `{name}`.
 * A click makes it editable: a Mailgun URL (or a curl command) typed or pasted there opens the endpoint it
 * names with its values, anything else a custom request.
 */
export const UrlPreview = memo(function UrlPreview({
  endpoint,
  values,
  target,
}: {
  endpoint: EndpointDef;
  values: RequestValues;
  target: RequestTarget | undefined;
}) {
  const url = resolvePath(endpoint, values, target ?? { baseUrl: '' });
  const parts = url.split(/(\{[^}]+\})/g).filter((p) => p !== '');
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openPasted = useOpenPasted();
  const errorId = useId();

  const stopEditing = () => {
    setEditing(null);
    setError(null);
  };
  const apply = async (text: string) => {
    if (text.trim() === '' || text.trim() === url) {
      stopEditing();
      return;
    }
    const result = await openPasted(text, {
      endpointId: endpoint.id,
      method: endpoint.method,
      values,
      ...(target ? { baseUrl: target.baseUrl } : {}),
    });
    if (result.ok) stopEditing();
    else setError(result.message);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void apply(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    const input = event.currentTarget;
    const replacesAll = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    // A pasted command or a whole new URL is opened at once; a fragment pasted into the URL is just text.
    if (looksLikeCurl(text) || replacesAll) {
      event.preventDefault();
      setEditing(text.replace(/\s+/g, ' ').trim());
      void apply(text);
    }
  };

  return (
    <div className="url-preview" data-testid="url-preview">
      <MethodBadge method={endpoint.method} full />
      {editing !== null ? (
        <input
          className="url-input"
          data-testid="url-input"
          aria-label="URL: type or paste a Mailgun URL or a curl command, then press Enter"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          spellCheck={false}
          autoComplete="off"
          // The field takes over from the preview the user just clicked.
          // biome-ignore lint/a11y/noAutofocus: see above
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          value={editing}
          onChange={(event) => {
            setEditing(event.target.value);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (!error) stopEditing();
          }}
        />
      ) : (
        <button
          type="button"
          className="url-edit"
          data-testid="url-edit"
          title="Edit the URL: paste a Mailgun URL or a curl command"
          onClick={() => setEditing(url)}
        >
          <code className="url-text" data-testid="resolved-url" title={url}>
            {target ? null : <span className="url-missing">{'{base URL}'}</span>}
            {parts.map((part, index) =>
              /^\{[^}]+\}$/.test(part) ? (
                // Parts are positional slices of one string.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <span key={index} className="url-missing" title="No value yet">
                  {part}
                </span>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <span key={index}>{part}</span>
              ),
            )}
          </code>
        </button>
      )}
      {error ? (
        <p id={errorId} className="url-error" role="alert" data-testid="url-error">
          {error}
        </p>
      ) : null}
    </div>
  );
});
