import type { HttpHeaderList, ResponseRecord } from '../../shared/requests/types';
import type { HistoryStore, NewHistoryEntry } from './history';
import type { RawResponse } from './http-executor';
import { decodeBody, noticeFor } from './response-body';

/** Who sent what: the parts of a history entry that do not depend on the answer. */
export type SentContext = Pick<NewHistoryEntry, 'requestId' | 'environment' | 'endpoint' | 'values'>;

/**
 * Turns what the executor brought back into the record the renderer shows,
 * and files it in history (with every given secret redacted). A history
 * failure is logged, not thrown: losing the entry is a pity, losing the
 * response the user is waiting for would be worse.
 */
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
  let historyId: string | null = null;
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
        bodyKind: body.kind,
      },
      secrets,
    );
    historyId = entry.id;
  } catch (error) {
    logError?.('Could not record a request in history.', error);
  }
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
