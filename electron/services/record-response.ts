import type { HttpHeaderList, ResponseBody, ResponseRecord } from '../../shared/requests/types';
import type { HistoryStore, NewHistoryEntry } from './history';
import type { RawResponse } from './http-executor';
import { decodeBody, noticeFor } from './response-body';

/** Who sent what: the parts of a history entry that do not depend on the answer. */
export type SentContext = Pick<NewHistoryEntry, 'requestId' | 'environment' | 'endpoint' | 'values'>;

/**
 * Files a response in history (with every given secret redacted). A history
 * failure is logged, not thrown: losing the entry is a pity, losing the
 * response the user is waiting for would be worse. Returns the entry's id.
 */
export async function fileResponse(
  history: Pick<HistoryStore, 'add'>,
  context: SentContext,
  requestHeaders: HttpHeaderList,
  raw: RawResponse,
  bodyKind: ResponseBody['kind'],
  secrets: readonly string[],
  logError?: (message: string, error: unknown) => void,
): Promise<string | null> {
  try {
    const entry = await history.add(
      {
        ...context,
        request: { method: raw.request.method, url: raw.request.url, headers: requestHeaders },
        response: {
          status: raw.status,
          statusText: raw.statusText,
          headers: raw.headers,
          contentType: raw.contentType,
          sizeBytes: raw.bytes.byteLength,
          timings: raw.timings,
        },
        bodyBytes: raw.bytes,
        bodyKind,
      },
      secrets,
    );
    return entry.id;
  } catch (error) {
    logError?.('Could not record a request in history.', error);
    return null;
  }
}

/** Turns what the executor brought back, whole, into the record the renderer shows, and files it in history. */
export async function recordResponse(
  history: Pick<HistoryStore, 'add'>,
  context: SentContext,
  requestHeaders: HttpHeaderList,
  raw: RawResponse,
  secrets: readonly string[],
  logError?: (message: string, error: unknown) => void,
): Promise<ResponseRecord> {
  const body = decodeBody(raw.bytes, raw.contentType);
  const notice = noticeFor(raw.status, raw.request.method, raw.contentType, body);
  const historyId = await fileResponse(history, context, requestHeaders, raw, body.kind, secrets, logError);
  return {
    requestId: context.requestId,
    status: raw.status,
    statusText: raw.statusText,
    headers: raw.headers,
    timings: raw.timings,
    sizeBytes: raw.bytes.byteLength,
    contentType: raw.contentType,
    body,
    historyId,
    request: raw.request,
    ...(notice ? { notice } : {}),
  };
}
