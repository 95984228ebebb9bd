import { retainResponseDocuments } from '../features/response';
import type { SendOutcome, WorkbenchStore } from './workbench-store';

function requestIdsOf(outcomes: ReadonlyMap<string, SendOutcome>): Set<string> {
  const ids = new Set<string>();
  for (const outcome of outcomes.values()) if (outcome.response) ids.add(outcome.response.requestId);
  return ids;
}

/**
 * The viewer keeps the documents of responses shown recently, for switching back to their tabs; each is released
 * as soon as no tab can show its response again (the tab closed or was replaced, or a newer send replaced the
 * response). Returns the unsubscribe.
 */
export function retainTabResponses(store: WorkbenchStore): () => void {
  let outcomes = store.getState().outcomes;
  retainResponseDocuments(requestIdsOf(outcomes));
  return store.subscribe(() => {
    const next = store.getState().outcomes;
    if (next === outcomes) return;
    outcomes = next;
    retainResponseDocuments(requestIdsOf(next));
  });
}
