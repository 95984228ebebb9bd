import { useSyncExternalStore } from 'react';

export interface ToastMessage {
  readonly id: number;
  readonly text: string;
  readonly tone: 'info' | 'ok' | 'danger';
}

let toasts: readonly ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const SHOWN_MS = 5000;

function set(next: readonly ToastMessage[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

export function dismissToast(id: number): void {
  set(toasts.filter((toast) => toast.id !== id));
}

/** A short note that something happened ("Copied."), read out politely and gone after a few seconds. */
export function showToast(text: string, tone: ToastMessage['tone'] = 'info'): void {
  const id = nextId++;
  // At most three at once: a burst of copies should not bury the page.
  set([...toasts.slice(-2), { id, text, tone }]);
  setTimeout(() => dismissToast(id), SHOWN_MS);
}

function useToasts(): readonly ToastMessage[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}

/** Mount once near the root. The live region is always there so screen readers hear the first toast too. */
export function Toaster() {
  const shown = useToasts();
  return (
    <div className="ui-toaster" role="status" aria-live="polite" data-testid="toaster">
      {shown.map((toast) => (
        <div key={toast.id} className={`ui-toast ui-toast-${toast.tone}`} data-testid="toast">
          <span>{toast.text}</span>
          <button type="button" className="ui-toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
