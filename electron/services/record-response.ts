import { BODY_STREAM_THRESHOLD_BYTES } from '../../shared/bridge/body-stream';
import type { HttpHeaderList, ResponseBody, ResponseRecord } from '../../shared/requests/types';
import type { BodyStreams } from './body-streams';
import type { HistoryStore, NewHistoryEntry } from './history';
import type { RawResponse } from './http-executor';
import { decodeBody, isTextType, JSON_CHECK_LIMIT, noticeFor } from './response-body';

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
  streams?: Pick<BodyStreams, 'offer'>,
): Promise<ResponseRecord> {
  const streamed = streams !== undefined && raw.bytes.byteLength > BODY_STREAM_THRESHOLD_BYTES && isTextType(raw.contentType);
  // A streamed body is decoded in the page; main decodes it only where the JSON check would look at it anyway.
  const decoded: ResponseBody | undefined =
    !streamed || raw.bytes.byteLength <= JSON_CHECK_LIMIT ? decodeBody(raw.bytes, raw.contentType) : undefined;
  const notice = noticeFor(raw.status, raw.request.method, raw.contentType, decoded ?? { kind: 'text', text: '' }, !decoded);
  const body = streamed ? ({ kind: 'stream', streamId: streams.offer(raw.bytes) } as const) : (decoded as ResponseBody);
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
        bodyKind: streamed ? 'text' : (decoded as ResponseBody).kind,
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
