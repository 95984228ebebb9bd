import { useSyncExternalStore } from 'react';

/** What the manager opens on: a new environment, or one to edit (the active one when no id is given). */
export type ManagerRequest = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly id?: string };

let current: ManagerRequest | null = null;
const listeners = new Set<() => void>();

function set(next: ManagerRequest | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Callable from anywhere (e.g. a "set up an environment" link in the workbench); the switcher hosts the dialog. */
export function openEnvironmentManager(request: ManagerRequest = { mode: 'edit' }): void {
  set(request);
}

export function closeEnvironmentManager(): void {
  set(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useEnvironmentManagerRequest(): ManagerRequest | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
