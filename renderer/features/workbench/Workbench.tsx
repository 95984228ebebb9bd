import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EndpointDef } from '../../../shared/catalog/types';
import { keyKindWarning } from '../../../shared/environments/key-kind';
import { baseUrlFor } from '../../../shared/environments/regions';
import type { Environment } from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { type RequestTarget, type RequestValues, resolvePath, validateValues } from '../../../shared/request';
import type { ResponseRecord } from '../../../shared/requests/types';
import { withoutVariableFieldErrors } from '../../../shared/variables';
import { openCommandPalette } from '../../app/palette-store';
import { toAppError } from '../../bridge/client';
import { DefaultResponseView } from './DefaultResponseView';
import { describeDeletion } from './deletion-message';
import { RequestLimitsControl } from './RequestLimitsControl';
import { sendBlock } from './send-guard';
import { useActiveEnvironment } from './use-active-environment';
import { useSendRequest } from './use-send-request';
import { useWorkbenchShortcuts } from './use-workbench-shortcuts';
import './workbench.css';
import { activeTab, draftKey, useWorkbenchState, useWorkbenchStore, type WorkbenchTab } from '../../app/workbench-store';
import { Button, ConfirmDialog, ErrorNotice, modKey } from '../../ui';
import { useCatalog } from '../catalog';
import { type EditorDraft, emptyDraft, fromRequestValues, RequestEditor, toRequestValues, UrlPreview } from '../request-editor';
import { RequestResponseSplit, type ResponsePlacement } from './RequestResponseSplit';

/** What the response area is given; `onPage` re-sends the same endpoint with the values for another page. */
export interface ResponseSlotState {
  readonly response?: ResponseRecord;
  readonly error?: AppError;
  readonly pending: boolean;
  readonly endpoint: EndpointDef;
  readonly environment: Environment | null;
  /** The values that produced the response shown. */
  readonly requestValues?: RequestValues;
  /** Fetches another page; `endpointId` names the endpoint that serves it when it is not this one. */
  readonly onPage: (values: RequestValues, endpointId?: string) => void;
  /** Sends the current form again. */
  readonly onRetry: () => void;
}

export interface WorkbenchProps {
  /** Draws the response; defaults to a plain status-and-body view. */
  readonly renderResponse?: (state: ResponseSlotState) => ReactNode;
  /** Extra views of the current request, supplied by other features: the Code tab and the save button. */
  readonly renderCode?: (request: CurrentRequest) => ReactNode;
  readonly renderActions?: (request: CurrentRequest) => ReactNode;
  /** Response below the request (the default) or beside it. */
  readonly responsePlacement?: ResponsePlacement;
}

/** The request as the form holds it right now. */
export interface CurrentRequest {
  readonly environmentId: string;
  readonly endpoint: EndpointDef;
  readonly values: RequestValues;
}

const defaultRenderResponse = (state: ResponseSlotState) => <DefaultResponseView {...state} />;

/** After the palette: the first required field still empty, else the first field of the form. */
function focusFirstEmptyField(root: HTMLElement | null, errors: readonly { readonly param: string }[]): void {
  const panel = root?.querySelector<HTMLElement>('[role="tabpanel"]');
  if (!panel) return;
  const missing = new Set(errors.map((e) => e.param));
  const fields = [...panel.querySelectorAll<HTMLElement>('.param-field')];
  const target = fields.find((field) => missing.has(field.dataset.testid?.replace(/^param-/, '') ?? '')) ?? fields[0];
  (target ?? panel).querySelector<HTMLElement>('input, select, textarea, button')?.focus();
}

function targetOf(environment: Environment): RequestTarget | undefined {
  try {
    return {
      baseUrl: baseUrlFor(environment),
      ...(environment.domain ? { domain: environment.domain } : {}),
      ...(environment.subaccountId ? { subaccountId: environment.subaccountId } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The request editor for the selected endpoint above (or beside) the response, plus the command palette. */
export function Workbench({
  renderResponse = defaultRenderResponse,
  renderCode,
  renderActions,
  responsePlacement = 'below',
}: WorkbenchProps) {
  const catalog = useCatalog();
  const active = useActiveEnvironment();
  const tab = useWorkbenchState(activeTab);
  const selectedId = tab?.target.kind === 'endpoint' ? tab.target.endpointId : null;
  const endpoint = selectedId && catalog.data ? catalog.data.getEndpoint(selectedId) : undefined;

  let content: ReactNode;
  if (catalog.isPending) {
    content = (
      <p className="workbench-empty muted" role="status" data-testid="workbench-loading">
        Loading the endpoint catalog…
      </p>
    );
  } else if (catalog.isError) {
    content = (
      <div className="workbench-empty">
        <ErrorNotice error={toAppError(catalog.error)} testId="workbench-catalog-error" />
      </div>
    );
  } else if (!tab || !selectedId) {
    content = (
      <div className="workbench-empty" data-testid="workbench-empty">
        <h2>Pick an endpoint</h2>
        <p className="muted">
          Choose one from the list on the left, or press <kbd>{modKey}+K</kbd> to find it by name, path or parameter.
        </p>
        <Button onClick={openCommandPalette}>Find an endpoint…</Button>
      </div>
    );
  } else if (!endpoint) {
    content = (
      <div className="workbench-empty" data-testid="workbench-unknown">
        <p>The endpoint “{selectedId}” is not in this version’s catalog.</p>
      </div>
    );
  } else if (active.isPending) {
    content = (
      <p className="workbench-empty muted" role="status">
        Loading environments…
      </p>
    );
  } else {
    const key = draftKey(active.environment?.id ?? null, tab.id);
    // Without environments the form still works for composing; sending stays blocked.
    content = (
      <>
        {active.error ? (
          <div className="workbench-banner">
            <ErrorNotice error={active.error} testId="workbench-environment-error" />
          </div>
        ) : null}
        <EndpointWorkbench
          key={key}
          draftId={key}
          tab={tab}
          endpoint={endpoint}
          environment={active.environment}
          renderResponse={renderResponse}
          renderCode={renderCode}
          renderActions={renderActions}
          responsePlacement={responsePlacement}
        />
      </>
    );
  }

  return (
    <div className="workbench-root" data-testid="workbench">
      {content}
    </div>
  );
}

interface EndpointWorkbenchProps {
  readonly draftId: string;
  readonly tab: WorkbenchTab;
  readonly endpoint: EndpointDef;
  readonly environment: Environment | null;
  readonly renderResponse: (state: ResponseSlotState) => ReactNode;
  readonly renderCode: ((request: CurrentRequest) => ReactNode) | undefined;
  readonly renderActions: ((request: CurrentRequest) => ReactNode) | undefined;
  readonly responsePlacement: ResponsePlacement;
}

function EndpointWorkbench({
  draftId: key,
  tab,
  endpoint,
  environment,
  renderResponse,
  renderCode,
  renderActions,
  responsePlacement,
}: EndpointWorkbenchProps) {
  const store = useWorkbenchStore();
  const stored = useWorkbenchState((s) => s.drafts.get(key));
  const restored = useWorkbenchState((s) => s.restored.get(key));
  // A draft kept from the last session becomes an editor draft once its endpoint is known.
  const restoredDraft = useMemo(() => (restored ? fromRequestValues(endpoint, restored) : undefined), [restored, endpoint]);
  const draft = stored ?? restoredDraft ?? emptyDraft;
  const outcome = useWorkbenchState((s) => s.outcomes.get(key));
  const pending = useWorkbenchState((s) => s.pending.has(key));
  const attempted = useWorkbenchState((s) => s.attempted.has(key));
  const incoming = useWorkbenchState((s) => (s.incoming?.tabId === tab.id ? s.incoming : null));
  const { send, cancel } = useSendRequest();
  const [blockedAttempt, setBlockedAttempt] = useState(0);
  const [confirming, setConfirming] = useState<RequestValues | null>(null);
  const [autoSend, setAutoSend] = useState<RequestValues | null>(null);

  useEffect(() => {
    if (incoming?.endpointId !== endpoint.id) return;
    store.takeIncoming(tab.id);
    store.setDraft(key, fromRequestValues(endpoint, incoming.values));
    if (incoming.send) setAutoSend(incoming.values);
  }, [incoming, endpoint, key, store, tab.id]);

  const values = useMemo(() => toRequestValues(draft), [draft]);
  const target = useMemo(() => (environment ? targetOf(environment) : undefined), [environment]);
  const errors = useMemo(() => withoutVariableFieldErrors(validateValues(endpoint, values, target), values), [endpoint, values, target]);
  const block = sendBlock(endpoint, environment);
  const keyWarning = useMemo(
    () =>
      environment ? keyKindWarning(environment, endpoint.method, resolvePath(endpoint, values, target ?? { baseUrl: '' })) : undefined,
    [environment, endpoint, values, target],
  );
  const targetErrors = errors.filter((e) => e.source === 'target');

  const trySend = useCallback(
    (toSend: RequestValues, confirmed: boolean) => {
      if (!environment || pending) return;
      store.markAttempted(key);
      if (sendBlock(endpoint, environment)) return;
      if (withoutVariableFieldErrors(validateValues(endpoint, toSend, target), toSend).length > 0) {
        setBlockedAttempt((n) => n + 1);
        return;
      }
      if (endpoint.method === 'DELETE' && !confirmed) {
        setConfirming(toSend);
        return;
      }
      send({
        key,
        environmentId: environment.id,
        endpointId: endpoint.id,
        values: toSend,
        ...(endpoint.method === 'DELETE' ? { confirmedDestructive: true } : {}),
      });
    },
    [environment, pending, store, key, endpoint, target, send],
  );

  useEffect(() => {
    if (!autoSend) return;
    setAutoSend(null);
    trySend(autoSend, false);
  }, [autoSend, trySend]);

  const editorRef = useRef<HTMLDivElement>(null);
  const errorsRef = useRef(errors);
  errorsRef.current = errors;
  useEffect(() => {
    if (store.takeFocusRequest(tab.id)) focusFirstEmptyField(editorRef.current, errorsRef.current);
  }, [store, tab.id]);

  useWorkbenchShortcuts({ onSend: () => trySend(values, false), onCancel: () => cancel(key), pending });

  const onPage = useCallback(
    (next: RequestValues, endpointId?: string) => {
      if (endpointId && endpointId !== endpoint.id) {
        store.openEndpoint(endpointId, next, { send: true, preview: false, newTab: true });
        return;
      }
      store.keepTab(tab.id);
      store.setDraft(key, fromRequestValues(endpoint, next));
      trySend(next, false);
    },
    [store, key, endpoint, trySend, tab.id],
  );

  // The form's props stay the same objects while only the response changes, so a response arriving
  // re-renders the response pane and not the whole form (3–5 ms of the arrival's work at 40 kB, in traces).
  const subaccount = target?.subaccountId !== undefined;
  const automaticHeaders = useMemo(() => (subaccount ? ['X-Mailgun-On-Behalf-Of'] : []), [subaccount]);
  const onDraftChange = useCallback(
    (next: EditorDraft) => {
      store.setDraft(key, next);
      store.keepTab(tab.id);
    },
    [store, key, tab.id],
  );
  const onOpenEndpoint = useCallback((id: string) => store.openEndpoint(id), [store]);
  const environmentId = environment?.id;
  const codeView = useMemo(
    () => (environmentId && renderCode ? () => renderCode({ environmentId, endpoint, values }) : undefined),
    [environmentId, renderCode, endpoint, values],
  );
  const actions = useMemo(
    () => (environmentId && renderActions ? renderActions({ environmentId, endpoint, values }) : null),
    [environmentId, renderActions, endpoint, values],
  );
  return (
    <div className="endpoint-workbench" data-testid="endpoint-workbench" data-endpoint-id={endpoint.id}>
      <RequestResponseSplit
        placement={responsePlacement}
        testId="editor-split"
        request={
          <div className="editor-pane" ref={editorRef}>
            <header className="endpoint-header">
              <div className="endpoint-title-row">
                <h1 className="endpoint-title" data-testid="endpoint-title">
                  {endpoint.summary}
                </h1>
                {environment ? (
                  <span className="env-chip" data-testid="workbench-environment" title={target?.baseUrl}>
                    {environment.name}
                    {environment.readOnly ? <span className="tag tag-readonly">read-only</span> : null}
                  </span>
                ) : null}
              </div>
              <div className="send-row">
                <UrlPreview endpoint={endpoint} values={values} target={target} />
                {pending ? (
                  <Button variant="warn" data-testid="cancel-button" onClick={() => cancel(key)} title="Cancel (Esc)">
                    Cancel
                  </Button>
                ) : (
                  <Button
                    variant={endpoint.method === 'DELETE' ? 'danger' : 'primary'}
                    data-testid="send-button"
                    disabled={block !== undefined}
                    aria-describedby={block ? 'send-blocked' : undefined}
                    onClick={() => trySend(values, false)}
                    title={`Send (${modKey}+Enter)`}
                  >
                    Send
                  </Button>
                )}
                {actions}
                <RequestLimitsControl />
              </div>
            </header>

            <div className="notices">
              {tab.missingFiles && tab.missingFiles.length > 0 ? (
                <p className="notice notice-warn" data-testid="missing-files">
                  Picked files are not kept: pick {tab.missingFiles.join(', ')} again before sending.
                </p>
              ) : null}
              {block ? (
                <p
                  id="send-blocked"
                  className={`notice ${block.reason === 'read-only' ? 'notice-danger' : 'notice-warn'}`}
                  data-testid="send-blocked"
                  data-reason={block.reason}
                >
                  {block.message}
                </p>
              ) : null}
              {keyWarning?.warn ? (
                <p className="notice notice-warn" data-testid="key-kind-warning" data-reason={keyWarning.reason}>
                  {keyWarning.message}
                </p>
              ) : null}
              {endpoint.deprecated ? (
                <p className="notice notice-warn" data-testid="deprecated-notice">
                  This endpoint is deprecated.{' '}
                  {endpoint.replacedBy ? (
                    <Button variant="link" onClick={() => store.openEndpoint(endpoint.replacedBy ?? '')}>
                      Open its replacement
                    </Button>
                  ) : null}
                </p>
              ) : null}
              {attempted && targetErrors.length > 0 ? (
                <div className="notice notice-danger" data-testid="target-errors">
                  {targetErrors.map((e) => (
                    <p key={e.param}>{e.message}</p>
                  ))}
                </div>
              ) : null}
              {attempted && errors.length > 0 && !pending ? (
                <p className="notice notice-danger" role="status" data-testid="validation-summary">
                  Fix {errors.length === 1 ? 'the problem' : `the ${errors.length} problems`} marked below before sending.
                </p>
              ) : null}
            </div>

            <RequestEditor
              endpoint={endpoint}
              draft={draft}
              onChange={onDraftChange}
              errors={errors}
              showAllErrors={attempted}
              blockedAttempt={blockedAttempt}
              environmentDomain={environment?.domain || undefined}
              automaticHeaders={automaticHeaders}
              onOpenEndpoint={onOpenEndpoint}
              {...(codeView ? { renderCode: codeView } : {})}
            />
          </div>
        }
        response={
          <section className="response-pane" aria-label="Response" data-testid="response-slot">
            {renderResponse({
              ...(outcome?.response ? { response: outcome.response } : {}),
              ...(outcome?.error ? { error: outcome.error } : {}),
              ...(outcome?.values ? { requestValues: outcome.values } : {}),
              pending,
              endpoint,
              environment,
              onPage,
              onRetry: () => trySend(values, false),
            })}
          </section>
        }
      />

      {confirming ? (
        <ConfirmDialog
          title={describeDeletion(endpoint, confirming, environment?.domain || undefined)}
          confirmLabel="Delete"
          testId="delete-confirm"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const toSend = confirming;
            setConfirming(null);
            trySend(toSend, true);
          }}
        >
          <p>{endpoint.summary}.</p>
          <p>
            <code className="confirm-url">DELETE {resolvePath(endpoint, confirming, target ?? { baseUrl: '' })}</code>
          </p>
          <p className="muted">Environment: {environment?.name}. Mailgun cannot undo this.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
