import type { WorkbenchTab } from '../../app/workbench-store';

/** What a tab is called: its saved or custom name, else the endpoint's summary. */
export function tabTitle(tab: WorkbenchTab, summaryOf: (endpointId: string) => string | undefined): string {
  if (tab.title) return tab.title;
  if (tab.target.kind === 'endpoint') return summaryOf(tab.target.endpointId) ?? tab.target.endpointId;
  if (tab.target.kind === 'custom') return `${tab.target.request.method} ${tab.target.request.path}`;
  return 'New tab';
}
