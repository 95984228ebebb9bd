import { type RefObject, useEffect, useLayoutEffect } from 'react';
import { useWorkbenchStore } from '../../app/workbench-store';

/** Names a scrolled element by its classes and position among its kind, which holds while the same tab is redrawn. */
function nameOf(root: HTMLElement, element: HTMLElement): string | undefined {
  const classes = [...element.classList].map((c) => `.${CSS.escape(c)}`).join('');
  if (classes === '') return undefined;
  const index = [...root.querySelectorAll(classes)].indexOf(element);
  return `${classes}#${index}`;
}

function find(root: HTMLElement, name: string): HTMLElement | undefined {
  const at = name.lastIndexOf('#');
  return root.querySelectorAll<HTMLElement>(name.slice(0, at))[Number(name.slice(at + 1))];
}

/**
 * Each tab keeps where its panes were scrolled: offsets are noted as the user scrolls (scroll events do not bubble,
 * so they are caught on the way down) and put back when the tab is shown again, also once late content has drawn.
 */
export function useTabScroll(root: RefObject<HTMLElement | null>, tabId: string | null): void {
  const store = useWorkbenchStore();

  useEffect(() => {
    const element = root.current;
    if (!element || !tabId) return;
    // Each scrolled element is named once (a long response scrolls many times a second); the offset on every event,
    // because by the time the tab is left its panes are already gone.
    const names = new WeakMap<HTMLElement, string | undefined>();
    // This tab's own record: the next tab's effects run before this one's clean-up.
    const offsets: Record<string, number> = { ...store.getState().scroll.get(tabId) };
    const onScroll = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !element.contains(target)) return;
      if (!names.has(target)) names.set(target, nameOf(element, target));
      const name = names.get(target);
      if (name) offsets[name] = target.scrollTop;
    };
    element.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll, { capture: true });
      store.setScroll(tabId, offsets);
    };
  }, [root, tabId, store]);

  useLayoutEffect(() => {
    const element = root.current;
    if (!element || !tabId) return;
    const saved = store.getState().scroll.get(tabId) ?? {};
    const apply = () => {
      for (const [name, top] of Object.entries(saved)) {
        const target = find(element, name);
        if (target && target.scrollTop !== top) target.scrollTop = top;
      }
    };
    apply();
    // The response viewer and long forms may finish drawing a frame later.
    const frame = requestAnimationFrame(() => requestAnimationFrame(apply));
    return () => cancelAnimationFrame(frame);
  }, [root, tabId, store]);
}
