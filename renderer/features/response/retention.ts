import type { ResponseRecord } from '../../../shared/requests/types';
import { retainResponseDocuments } from './body/use-json-document';
import { retainStreamedTexts } from './streamed-bodies';

/**
 * Only these responses can be shown again (their tabs are open): the
 * indexed documents and streamed texts kept for all others are let go.
 */
export function retainShownResponses(responses: Iterable<ResponseRecord>): void {
  const requestIds = new Set<string>();
  const streamIds = new Set<string>();
  for (const response of responses) {
    requestIds.add(response.requestId);
    if (response.body.kind === 'stream') streamIds.add(response.body.streamId);
  }
  retainResponseDocuments(requestIds);
  retainStreamedTexts(streamIds);
}
