import { type ReactNode, useState } from 'react';
import type { CustomRequest, SavedRequest } from '../../../shared/bridge/collections';
import type { EndpointDef } from '../../../shared/catalog/types';
import { baseUrlFor } from '../../../shared/environments/regions';
import { draftKey, useWorkbenchState, useWorkbenchStore } from '../../app/workbench-store';
import { toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice, hasMod, modKey, useGlobalShortcut } from '../../ui';
import { type LoadedCatalog, MethodBadge, useCatalog } from '../catalog';
import { CopyAsCurlButton } from '../curl-import';
import { RequestResponseSplit, type ResponsePlacement, type ResponseSlotState, useActiveEnvironment } from '../workbench';
import { SaveRequestButton } from './SaveRequestButton';
import { useRunSavedRequest } from './use-saved-requests';

export interface CustomRequestViewProps {
  /** The tab it is shown in; its response is kept per tab and environment. */
  readonly tabId: string;
  readonly title: string;
  readonly request: CustomRequest;
  /** Set when the request comes from a collection: it runs as saved there. */
  readonly saved?: Pick<SavedRequest, 'id' | 'collectionId' | 'name'>;
  /** Files the request named (saved, or in a pasted command); files are never kept, so it runs without them. */
  readonly missingFiles?: readonly string[];
  /** After Ctrl/Cmd+S or Save: the tab now belongs to that saved request. */
  readonly onSaved?: (saved: SavedRequest) => void;
  readonly renderResponse: (state: ResponseSlotState) => ReactNode;
  readonly responsePlacement: ResponsePlacement;
}

/** The URL as main will build it: the environment's base URL, `{{domain}}` filled in, then the query. */
function urlOf(request: CustomRequest, baseUrl: string, domain: string): string {
  const path = request.path.replaceAll('{{domain}}', domain || '{{domain}}');
  const query = new URLSearchParams(request.query.map((q) => [q.name, q.value])).toString();
  return `${baseUrl}${path}${query ? `?${query}` : ''}`;
}

/**
 * The response viewer explains and pages by endpoint; a custom request that matches a catalog path borrows that
 * endpoint, anything else gets a plain description of itself.
 */
function endpointFor(id: string, title: string, request: CustomRequest, catalog: LoadedCatalog | undefined): EndpointDef {
  const match = catalog?.findEndpointByRequest(request.method, request.path.replaceAll('{{domain}}', 'domain.example'));
  if (match) return match.endpoint;
  return {
    id: `custom:${id}`,
    group: 'messages',
    method: request.method,
    path: request.path,
    summary: title,
    description: 'A custom request.',
    deprecated: false,
    mutates: request.method !== 'GET',
    sendingKeyAllowed: false,
    encoding: request.body.kind === 'json' ? 'json' : request.body.kind === 'form' ? 'urlencoded' : request.body.kind,
    pagination: 'none',
    params: [],
    exampleResponse: { status: 200, contentType: 'application/json', body: {} },
  };
}

function Fields({ title, rows }: { title: string; rows: readonly { readonly name: string; readonly value: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="custom-fields" aria-label={title}>
      <h2 className="custom-fields-title">{title}</h2>
      <dl>
        {rows.map((row, index) => (
          // Rows are positional; the same name may repeat.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={index} className="custom-field">
            <dt>{row.name}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A custom request (saved or not), opened and run in a tab with its response in the same viewer. */
export function CustomRequestView({
  tabId,
  title,
  request,
  saved,
  missingFiles = [],
  onSaved,
  renderResponse,
  responsePlacement,
}: CustomRequestViewProps) {
  const { environment } = useActiveEnvironment();
  const catalog = useCatalog();
  const store = useWorkbenchStore();
  const key = draftKey(environment?.id ?? null, tabId);
  const outcome = useWorkbenchState((state) => state.outcomes.get(key));
  const run = useRunSavedRequest();
  const [confirming, setConfirming] = useState(false);

  let baseUrl = '';
  try {
    baseUrl = environment ? baseUrlFor(environment) : '';
  } catch {
    baseUrl = '';
  }
  const url = urlOf(request, baseUrl, environment?.domain ?? '');
  const endpoint = endpointFor(saved?.id ?? tabId, title, request, catalog.data);

  const send = (confirmedDestructive = false) => {
    if (!environment || run.isPending) return;
    const options = { environmentId: environment.id, ...(confirmedDestructive ? { confirmedDestructive } : {}) };
    run
      .run(saved ? { ...options, savedId: saved.id } : { ...options, request })
      .then((response) => store.setOutcome(key, { response }))
      .catch((error: unknown) => {
        const appError = toAppError(error);
        // Main decides what needs confirming; a DELETE comes back asking for it.
        if (appError.field === 'confirmedDestructive' && !confirmedDestructive) setConfirming(true);
        else store.setOutcome(key, { error: appError });
      });
  };
  useGlobalShortcut((event) => {
    if (event.key === 'Enter' && hasMod(event)) {
      event.preventDefault();
      send();
    }
  });

  const body = request.body;
  return (
    <div className="endpoint-workbench" data-testid="custom-request-view" data-saved-id={saved?.id}>
      <RequestResponseSplit
        placement={responsePlacement}
        request={
          <div className="editor-pane custom-request">
            <header className="endpoint-header">
              <div className="endpoint-title-row">
                <h1 className="endpoint-title" data-testid="endpoint-title">
                  {title}
                </h1>
                <span className="env-chip">{saved ? 'Custom request' : 'Custom request, not saved'}</span>
              </div>
              <div className="send-row">
                <div className="url-preview">
                  <MethodBadge method={request.method} full />
                  <code className="url-text" data-testid="resolved-url" title={url}>
                    {url}
                  </code>
                </div>
                {run.isPending ? (
                  <Button data-testid="cancel-button" onClick={run.cancel}>
                    Cancel
                  </Button>
                ) : (
                  <Button
                    variant={request.method === 'DELETE' ? 'danger' : 'primary'}
                    data-testid="send-button"
                    disabled={!environment}
                    onClick={() => send()}
                    title={`Send (${modKey}+Enter)`}
                  >
                    Send
                  </Button>
                )}
                <SaveRequestButton
                  custom={request}
                  environmentId={environment?.id ?? null}
                  defaultName={title}
                  {...(saved ? { saved: { id: saved.id, collectionId: saved.collectionId, name: saved.name } } : {})}
                  {...(onSaved ? { onSaved } : {})}
                />
                <CopyAsCurlButton request={request} environment={environment} />
              </div>
            </header>
            {!environment ? <p className="notice notice-warn">Choose an environment to run this request.</p> : null}
            {missingFiles.length > 0 ? (
              <p className="notice notice-warn">It carried {missingFiles.join(', ')}; files are not kept, so it runs without them.</p>
            ) : null}
            <div className="editor-panel">
              <Fields title="Query" rows={request.query} />
              <Fields title="Headers" rows={request.headers} />
              {body.kind === 'form' || body.kind === 'multipart' ? <Fields title="Body fields" rows={body.fields} /> : null}
              {body.kind === 'json' ? (
                <section className="custom-fields" aria-label="JSON body">
                  <h2 className="custom-fields-title">JSON body</h2>
                  <pre className="custom-json">{body.text}</pre>
                </section>
              ) : null}
              <p className="muted">
                {saved
                  ? 'Saved custom requests run as saved; edit the name or collection from the Saved list.'
                  : 'Not in the catalog, so it runs as it is, to the environment’s base URL and with its key.'}
              </p>
            </div>
          </div>
        }
        response={
          <section className="response-pane" aria-label="Response" data-testid="response-slot">
            {run.error && !outcome ? <ErrorNotice error={toAppError(run.error)} /> : null}
            {renderResponse({
              ...(outcome?.response ? { response: outcome.response } : {}),
              ...(outcome?.error ? { error: outcome.error } : {}),
              pending: run.isPending,
              endpoint,
              environment,
              onPage: () => undefined,
              onRetry: () => send(),
            })}
          </section>
        }
      />
      {confirming ? (
        <ConfirmDialog
          title={`Send DELETE ${request.path}?`}
          confirmLabel="Delete"
          testId="custom-delete-confirm"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            send(true);
          }}
        >
          <p>
            <code className="confirm-url">DELETE {url}</code>
          </p>
          <p className="muted">Environment: {environment?.name}. Mailgun cannot undo this.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
