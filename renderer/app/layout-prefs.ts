import type { ResponsePlacement } from '../features/workbench';
import { isBoolean, useStoredState } from '../ui';

export type { ResponsePlacement };

const isPlacement = (value: unknown): value is ResponsePlacement => value === 'below' || value === 'beside';

export interface LayoutPrefs {
  readonly sidebarCollapsed: boolean;
  toggleSidebar(): void;
  readonly responsePlacement: ResponsePlacement;
  setResponsePlacement(placement: ResponsePlacement): void;
}

/** Layout choices the user makes once and expects to find again: remembered in the renderer. */
export function useLayoutPrefs(): LayoutPrefs {
  const [sidebarCollapsed, setSidebarCollapsed] = useStoredState('sidebar-collapsed', false, isBoolean);
  const [responsePlacement, setResponsePlacement] = useStoredState<ResponsePlacement>('response-placement', 'below', isPlacement);
  return {
    sidebarCollapsed,
    toggleSidebar: () => setSidebarCollapsed(!sidebarCollapsed),
    responsePlacement,
    setResponsePlacement,
  };
}
