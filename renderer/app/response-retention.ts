import type { ResponseRecord } from '../../shared/requests/types';
import { retainShownResponses } from '../features/response';
import type { SendOutcome, WorkbenchStore } from './workbench-store';

function responsesOf(outcomes: ReadonlyMap<string, SendOutcome>): ResponseRecord[] {
  const responses: ResponseRecord[] = [];
  for (const outcome of outcomes.values()) if (outcome.response) responses.push(outcome.response);
  return responses;
}

/**
 * The viewer keeps the documents (and streamed texts) of responses shown recently, for switching back to their tabs;
 * each is let go as soon as no tab can show its response again (the tab closed or was replaced, or a newer send
 * replaced the response). Returns the unsubscribe.
 */
export function retainTabResponses(store: WorkbenchStore): () => void {
  let outcomes = store.getState().outcomes;
  retainShownResponses(responsesOf(outcomes));
  return store.subscribe(() => {
    const next = store.getState().outcomes;
    if (next === outcomes) return;
    outcomes = next;
    retainShownResponses(responsesOf(next));
  });
}
