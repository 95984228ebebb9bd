import type { EndpointDef } from '../../../shared/catalog/types';
import type { RequestValues } from '../../../shared/request';
import { draftKey, type WorkbenchState, type WorkbenchTab } from '../../app/workbench-store';
import { fromRequestValues, toRequestValues } from '../request-editor';

/** Both sides go through the editor's own conversion, so a value moved between a field and a row compares equal. */
function normalised(endpoint: EndpointDef, values: RequestValues): string {
  return JSON.stringify(toRequestValues(fromRequestValues(endpoint, values)));
}

/**
 * Whether a tab opened from a saved request holds changes that were not saved, in the active environment.
 * Only catalog requests can be edited, so only they can have unsaved changes.
 */
export function hasUnsavedChanges(
  state: Pick<WorkbenchState, 'drafts' | 'restored'>,
  tab: WorkbenchTab,
  environmentId: string | null,
  getEndpoint: (id: string) => EndpointDef | undefined,
): boolean {
  if (!tab.saved?.values || tab.target.kind !== 'endpoint') return false;
  const endpoint = getEndpoint(tab.target.endpointId);
  if (!endpoint) return false;
  const key = draftKey(environmentId, tab.id);
  const draft = state.drafts.get(key);
  const values = draft ? toRequestValues(draft) : state.restored.get(key);
  if (!values) return false;
  return normalised(endpoint, values) !== normalised(endpoint, tab.saved.values);
}
