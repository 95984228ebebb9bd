import { baseUrlFor } from '../../shared/environments/regions';
import { useSaveEnvironment, withRegion } from '../features/environments';
import { ResponseViewer } from '../features/response';
import type { ResponseSlotState } from '../features/workbench';
import { openEndpoint } from './workbench-store';

function safeBaseUrl(state: ResponseSlotState): string {
  try {
    return state.environment ? baseUrlFor(state.environment) : '';
  } catch {
    return '';
  }
}

/** The workbench's response pane: the viewer, plus what its diagnosis buttons do to the environment. */
export function WorkbenchResponse(state: ResponseSlotState) {
  const save = useSaveEnvironment();
  const environment = state.environment;
  return (
    <ResponseViewer
      {...(state.response ? { response: state.response } : {})}
      {...(state.error ? { error: state.error } : {})}
      {...(state.requestValues ? { requestValues: state.requestValues } : {})}
      pending={state.pending}
      endpoint={state.endpoint}
      environment={{
        ...(environment ? { id: environment.id } : {}),
        region: environment?.region ?? 'us',
        keyKind: environment?.keyKind ?? 'primary',
        baseUrl: safeBaseUrl(state),
        ...(environment?.sandbox ? { regionBaseUrls: environment.sandbox } : {}),
      }}
      onPage={state.onPage}
      onRetry={state.onRetry}
      onOpenEndpoint={(id) => openEndpoint(id)}
      {...(environment ? { onSwitchRegion: (region: 'us' | 'eu') => save.mutate(withRegion(environment, region)) } : {})}
    />
  );
}
