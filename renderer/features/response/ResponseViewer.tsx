import { useMemo, useRef } from 'react';
import type { EndpointDef } from '../../../shared/catalog/types';
import type { AppError } from '../../../shared/errors';
import type { RequestValues } from '../../../shared/request/build-request';
import type { ResponseRecord } from '../../../shared/requests/types';
import { diagnose } from '../../../shared/status';
import { bodyShape } from './body/body-kind';
import { type BodySource, ResponseBody } from './body/ResponseBody';
import { useListRoom } from './body/use-fixed-rows';
import { useJsonDocument } from './body/use-json-document';
import { useStreamedText } from './body/use-streamed-text';
import { DiagnosisPanel } from './DiagnosisPanel';
import { formatBytes, formatCount, formatMs, formatTime } from './format';
import { PaginationBar } from './PaginationBar';
import { NO_PAGING_FACTS, pageTargets } from './paging';
import { SendErrorPanel } from './SendErrorPanel';
import { StatusSummary } from './StatusSummary';
import './response.css';

/** Diagnosis reads error messages; a success body only matters when it is a short greeting or message. */
const DIAGNOSIS_ERROR_BODY_CHARS = 64 * 1024;
const DIAGNOSIS_SUCCESS_BODY_CHARS = 4 * 1024;

function diagnosisBody(status: number, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (status < 300) return text.length <= DIAGNOSIS_SUCCESS_BODY_CHARS ? text : undefined;
  return text.length > DIAGNOSIS_ERROR_BODY_CHARS ? text.slice(0, DIAGNOSIS_ERROR_BODY_CHARS) : text;
}

export interface ResponseEnvironment {
  /** The environment's id; without it no region probe is made. */
  readonly id?: string;
  readonly region: 'us' | 'eu' | 'custom';
  readonly keyKind: 'primary' | 'sending';
  readonly baseUrl: string;
  /** Set for the built-in sandbox, which simulates both regions on this computer. */
  readonly regionBaseUrls?: { readonly us: string; readonly eu: string };
}

export interface ResponseViewerProps {
  readonly response?: ResponseRecord;
  /** A send that failed before any response arrived; shown instead of the response. */
  readonly error?: AppError;
  readonly pending: boolean;
  readonly endpoint: EndpointDef;
  readonly environment: ResponseEnvironment;
  /** The values that produced `response`; page buttons derive the next request from them. */
  readonly requestValues?: RequestValues;
  /** Full request values for the chosen page, and the endpoint that serves further pages when it is another one; the caller sends them. */
  readonly onPage: (values: RequestValues, endpointId?: string) => void;
  readonly onSwitchRegion?: (region: 'us' | 'eu') => void;
  /** Offered once a rate limit has passed. */
  readonly onRetry?: () => void;
  /** Opens another endpoint named by a diagnosis (the verify call, the event search). */
  readonly onOpenEndpoint?: (id: string) => void;
}

const NO_VALUES: RequestValues = { params: {} };

/** Everything about the latest response: status with diagnosis, timing and size, paging, and the body views. */
export function ResponseViewer({
  response,
  error,
  pending,
  endpoint,
  environment,
  requestValues,
  onPage,
  onSwitchRegion,
  onRetry,
  onOpenEndpoint,
}: ResponseViewerProps) {
  if (error && !pending) {
    return (
      <section className="response-viewer" aria-label="Response" data-testid="response-viewer">
        <SendErrorPanel error={error} />
      </section>
    );
  }
  if (!response) return <WaitingResponse pending={pending} />;
  return (
    <LoadedResponse
      key={response.requestId}
      response={response}
      pending={pending}
      endpoint={endpoint}
      environment={environment}
      requestValues={requestValues ?? NO_VALUES}
      onPage={onPage}
      {...(onSwitchRegion ? { onSwitchRegion } : {})}
      {...(onRetry ? { onRetry } : {})}
      {...(onOpenEndpoint ? { onOpenEndpoint } : {})}
    />
  );
}

/** Before the first answer; the pane's height is noted for the tree that will be drawn in it. */
function WaitingResponse({ pending }: { readonly pending: boolean }) {
  const room = useRef<HTMLElement>(null);
  useListRoom(room);
  return (
    <section ref={room} className="response-viewer" aria-label="Response" aria-busy={pending} data-testid="response-viewer">
      {pending ? (
        <div className="response-empty" role="status" data-testid="response-pending">
          <span className="spinner" aria-hidden="true" /> Waiting for Mailgun…
        </div>
      ) : (
        <div className="response-empty muted" data-testid="response-empty">
          Send the request to see the response here.
        </div>
      )}
    </section>
  );
}

interface LoadedResponseProps extends Omit<ResponseViewerProps, 'response' | 'error' | 'requestValues'> {
  readonly response: ResponseRecord;
  readonly requestValues: RequestValues;
}

function LoadedResponse({
  response,
  pending,
  endpoint,
  environment,
  requestValues,
  onPage,
  onSwitchRegion,
  onRetry,
  onOpenEndpoint,
}: LoadedResponseProps) {
  const text = response.body.kind === 'text' ? response.body.text : undefined;
  const streamed = useStreamedText(response.body);
  const shape = bodyShape(response.body, response.contentType);
  // Kept by request id: switching back to this response's tab reuses its index and tree.
  const document = useJsonDocument(shape === 'json' ? (streamed ?? text) : undefined, response.requestId);
  // A streamed answer knew only the declared size (or what had come so far); its end says what arrived.
  const sizeBytes = streamed?.sizeBytes ?? response.sizeBytes;

  const diagnoses = useMemo(() => {
    const bodyText = diagnosisBody(response.status, text);
    return diagnose({
      endpoint,
      method: response.request.method,
      path: response.request.url,
      status: response.status,
      headers: Object.fromEntries(response.headers),
      ...(bodyText === undefined ? {} : { bodyText }),
      region: environment.region,
      keyKind: environment.keyKind,
      now: new Date(),
      ...(environment.regionBaseUrls ? { regionBaseUrls: environment.regionBaseUrls } : {}),
    });
  }, [endpoint, response, text, environment.region, environment.keyKind, environment.regionBaseUrls]);

  const facts = document.status === 'ready' ? document.info.facts : NO_PAGING_FACTS;
  const targets = useMemo(
    () => pageTargets({ endpoint, facts, requestUrl: response.request.url, values: requestValues }),
    [endpoint, facts, response.request.url, requestValues],
  );

  const source: BodySource = {
    body: response.body,
    ...(streamed ? { streamed } : {}),
    contentType: response.contentType,
    sizeBytes,
    status: response.status,
    headers: response.headers,
    ...(response.notice ? { notice: response.notice } : {}),
    truncated: false,
    saveTarget: { requestId: response.requestId },
    fileBase: endpoint.id,
    diagnosed: diagnoses.length > 0,
  };
  const { timings } = response;

  return (
    <section className="response-viewer" aria-label="Response" aria-busy={pending} data-testid="response-viewer">
      <header className="response-summary">
        <StatusSummary status={response.status} statusText={response.statusText} />
        <span
          className="summary-item"
          title={`Started ${formatTime(timings.startedAt)}; first byte after ${formatMs(timings.ttfbMs)}`}
          data-testid="response-time"
        >
          {formatMs(timings.totalMs)}
        </span>
        <span className="summary-item" title={`${formatCount(sizeBytes)} bytes`} data-testid="response-size">
          {formatBytes(sizeBytes)}
        </span>
        {response.contentType ? <span className="summary-item muted">{response.contentType}</span> : null}
        <span className="summary-url muted" title={response.request.url}>
          {response.request.method} {response.request.url}
        </span>
        {pending ? (
          <span className="summary-pending" role="status">
            <span className="spinner" aria-hidden="true" /> Sending…
          </span>
        ) : null}
      </header>
      <DiagnosisPanel
        diagnoses={diagnoses}
        {...(environment.id ? { probeFrom: { environmentId: environment.id, region: environment.region } } : {})}
        {...(onSwitchRegion ? { onSwitchRegion } : {})}
        {...(onRetry ? { onRetry } : {})}
        {...(onOpenEndpoint ? { onOpenEndpoint } : {})}
      />
      {endpoint.pagination !== 'none' && response.status < 400 && document.status === 'ready' ? (
        <PaginationBar
          targets={targets}
          onPage={(values) => (endpoint.pageWith ? onPage(values, endpoint.pageWith) : onPage(values))}
          disabled={pending}
          {...(facts.itemCount === undefined
            ? {}
            : { position: `${formatCount(facts.itemCount)} ${facts.itemCount === 1 ? 'item' : 'items'} on this page` })}
        />
      ) : null}
      <ResponseBody source={source} document={document} />
    </section>
  );
}
