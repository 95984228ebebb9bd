/**
 * Open dialogs and menus, innermost last. Every global shortcut asks here
 * first, so keys typed inside a dialog never act on the page behind it.
 */
const stack: HTMLElement[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

export function pushModal(element: HTMLElement): void {
  stack.push(element);
  changed();
}

export function removeModal(element: HTMLElement): void {
  const index = stack.indexOf(element);
  if (index === -1) return;
  stack.splice(index, 1);
  changed();
}

export function isModalOpen(): boolean {
  return stack.length > 0;
}

export function topModal(): HTMLElement | undefined {
  return stack.at(-1);
}

export function subscribeModals(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
