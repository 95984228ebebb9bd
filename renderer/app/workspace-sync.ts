import { useEffect, useState } from 'react';
import type { RecoveryNotice } from '../../shared/bridge/environments';
import { type Workspace, type WorkspaceTab, workspaceLimits } from '../../shared/bridge/workspace';
import type { RequestValues } from '../../shared/request';
import { call, toAppError } from '../bridge/client';
import { toRequestValues } from '../features/request-editor';
import { showToast } from '../ui';
import { draftKey, tabOfKey, type WorkbenchState, type WorkbenchStore, type WorkbenchTab } from './workbench-store';

const noEnvironment = draftKey(null, '').slice(0, -1);

function environmentOfKey(key: string): string | null {
  const environment = key.slice(0, key.indexOf('\u0000'));
  return environment === noEnvironment ? null : environment;
}

/** What main keeps of the workbench: tabs and their drafts per environment; never responses. */
export function snapshotOf(state: WorkbenchState): Workspace {
  const drafts = new Map<string, Map<string | null, RequestValues>>();
  const add = (key: string, values: RequestValues) => {
    const tabId = tabOfKey(key);
    const forTab = drafts.get(tabId) ?? new Map<string | null, RequestValues>();
    forTab.set(environmentOfKey(key), values);
    drafts.set(tabId, forTab);
  };
  for (const [key, values] of state.restored) add(key, values);
  for (const [key, draft] of state.drafts) add(key, toRequestValues(draft));
  const tabs = state.tabs.slice(0, workspaceLimits.maxTabs).map(
    (tab): WorkspaceTab => ({
      id: tab.id,
      target: tab.target,
      ...(tab.title !== undefined ? { title: tab.title } : {}),
      preview: tab.preview,
      ...(tab.saved ? { saved: tab.saved } : {}),
      ...(tab.missingFiles ? { missingFiles: [...tab.missingFiles] } : {}),
      drafts: [...(drafts.get(tab.id) ?? [])]
        .slice(-workspaceLimits.maxDraftsPerTab)
        .map(([environmentId, values]) => ({ environmentId, values })),
    }),
  );
  return { tabs, activeTabId: state.activeTabId };
}

/** The kept tabs as the store holds them; drafts wait by key until their tab is drawn. */
export function restoredFrom(workspace: Workspace): {
  tabs: WorkbenchTab[];
  activeTabId: string | null;
  drafts: Map<string, RequestValues>;
} {
  const drafts = new Map<string, RequestValues>();
  const tabs = workspace.tabs.map((tab): WorkbenchTab => {
    for (const draft of tab.drafts) drafts.set(draftKey(draft.environmentId, tab.id), draft.values);
    return {
      id: tab.id,
      target: tab.target,
      ...(tab.title !== undefined ? { title: tab.title } : {}),
      preview: tab.preview,
      ...(tab.saved ? { saved: tab.saved } : {}),
      ...(tab.missingFiles && tab.missingFiles.length > 0 ? { missingFiles: tab.missingFiles } : {}),
    };
  });
  return { tabs, activeTabId: workspace.activeTabId, drafts };
}

/** Changes are sent at most this often; main waits a little longer before writing. */
const sendDelayMs = 200;

/**
 * Brings back the tabs main kept (at start, and after the window reloads from a crash) and hands main every change.
 * Nothing is sent until the kept tabs are back, so an empty start never overwrites them.
 */
export function useWorkspaceSync(store: WorkbenchStore): RecoveryNotice | undefined {
  const [recovery, setRecovery] = useState<RecoveryNotice>();
  useEffect(() => {
    let ready = false;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    let warnedKey = false;
    let warnedFailure = false;
    const push = () => {
      clearTimeout(timer);
      timer = undefined;
      if (!ready) return;
      const snapshot = snapshotOf(store.getState());
      const text = JSON.stringify(snapshot);
      if (text === last) return;
      last = text;
      call('saveWorkspace', snapshot)
        .then((answer) => {
          if (answer.keyRemoved && !warnedKey) {
            warnedKey = true;
            showToast('An API key in a draft was left out of the kept tabs; the app adds the key itself when sending.', 'info');
          }
        })
        .catch((error: unknown) => {
          last = '';
          if (warnedFailure) return;
          warnedFailure = true;
          showToast(`The open tabs could not be kept for the next start: ${toAppError(error).message}`, 'danger');
        });
    };
    call('getWorkspace')
      .then((view) => {
        if (stopped) return;
        const kept = restoredFrom(view.workspace);
        store.restore(kept.tabs, kept.activeTabId, kept.drafts);
        if (view.recovery) setRecovery(view.recovery);
      })
      .catch((error: unknown) => {
        showToast(`The tabs of the last session could not be read: ${toAppError(error).message}`, 'danger');
      })
      .finally(() => {
        ready = true;
        last = JSON.stringify(snapshotOf(store.getState()));
      });
    const unsubscribe = store.subscribe(() => {
      if (!ready) return;
      clearTimeout(timer);
      timer = setTimeout(push, sendDelayMs);
    });
    window.addEventListener('pagehide', push);
    return () => {
      stopped = true;
      push();
      unsubscribe();
      window.removeEventListener('pagehide', push);
    };
  }, [store]);
  return recovery;
}
