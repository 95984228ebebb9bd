import type { WorkspaceStore } from '../../services/workspace-store';
import type { Handlers } from '../dispatcher';

export function createWorkspaceHandlers({
  workspace,
}: {
  readonly workspace: WorkspaceStore;
}): Pick<Handlers, 'getWorkspace' | 'saveWorkspace'> {
  return {
    getWorkspace: () => workspace.view(),
    saveWorkspace: (input) => workspace.save(input),
  };
}
