import { useMemo } from 'react';
import type { PaletteCommand } from '../features/catalog';
import { openImportCurl } from '../features/curl-import';
import { modKey } from '../ui';
import type { LayoutPrefs } from './layout-prefs';
import { workbenchStore } from './workbench-store';

export type AppView = 'workbench' | 'support' | 'sandbox';

/**
 * What the command palette can do besides opening an endpoint: the top bar's actions, reachable by keyboard.
 * Commands are listed above the endpoints, so their keywords avoid words of endpoint names ("webhook", "messages").
 */
export function useAppCommands(setView: (view: AppView) => void, prefs: LayoutPrefs): readonly PaletteCommand[] {
  const { sidebarCollapsed, toggleSidebar, responsePlacement, setResponsePlacement } = prefs;
  return useMemo(
    () => [
      { id: 'import-curl', label: 'Import cURL command or URL…', keywords: ['paste', 'curl'], run: openImportCurl },
      { id: 'view-workbench', label: 'Show the workbench', keywords: ['requests', 'view'], run: () => setView('workbench') },
      {
        id: 'view-support',
        label: 'Show the support tools',
        keywords: ['investigate', 'view'],
        run: () => setView('support'),
      },
      {
        id: 'view-sandbox',
        label: 'Show the sandbox tools',
        keywords: ['view'],
        run: () => setView('sandbox'),
      },
      {
        id: 'toggle-sidebar',
        label: sidebarCollapsed ? 'Show the sidebar' : 'Hide the sidebar',
        keywords: ['toggle', 'sidebar'],
        shortcut: `${modKey}+\\`,
        run: toggleSidebar,
      },
      responsePlacement === 'below'
        ? {
            id: 'response-beside',
            label: 'Put the response beside the request',
            keywords: ['layout'],
            run: () => setResponsePlacement('beside'),
          }
        : {
            id: 'response-below',
            label: 'Put the response below the request',
            keywords: ['layout'],
            run: () => setResponsePlacement('below'),
          },
      {
        id: 'reopen-tab',
        label: 'Reopen the closed tab',
        keywords: ['undo', 'close', 'tab'],
        shortcut: `${modKey}+Shift+T`,
        run: () => workbenchStore.reopenClosedTab(),
      },
    ],
    [setView, sidebarCollapsed, toggleSidebar, responsePlacement, setResponsePlacement],
  );
}
