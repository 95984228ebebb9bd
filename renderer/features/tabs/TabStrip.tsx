import { type DragEvent, type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { openCommandPalette } from '../../app/palette-store';
import { useWorkbenchState, useWorkbenchStore, type WorkbenchTab } from '../../app/workbench-store';
import { ConfirmDialog, hasMod, Menu, type MenuItem, modKey, useGlobalShortcut } from '../../ui';
import { MethodBadge, useCatalog } from '../catalog';
import { useActiveEnvironment } from '../workbench';
import { tabTitle } from './tab-title';
import { hasUnsavedChanges } from './unsaved';
import './tabs.css';

interface MenuState {
  readonly tabId: string;
  readonly at: { readonly x: number; readonly y: number };
}

/** Closing that waits for an answer, because some of the tabs hold changes to a saved request. */
interface CloseQuestion {
  readonly ids: readonly string[];
  readonly unsaved: readonly string[];
}

const tabDomId = (id: string) => `workbench-tab-${id}`;

/**
 * The workbench's open requests, one tab each. The strip scrolls inside itself, so it never widens the page.
 * Keys: arrows, Home/End inside the strip; Ctrl/Cmd+T, W, Shift+T, 1…9, Ctrl+Tab and Ctrl+PageUp/PageDown
 * (with Shift: move the tab) anywhere in the workbench.
 */
export function TabStrip() {
  const store = useWorkbenchStore();
  const tabs = useWorkbenchState((s) => s.tabs);
  const activeTabId = useWorkbenchState((s) => s.activeTabId);
  // Not the whole state: a response arriving must not redraw the strip.
  const drafts = useWorkbenchState((s) => s.drafts);
  const restored = useWorkbenchState((s) => s.restored);
  const catalog = useCatalog();
  const { environment } = useActiveEnvironment();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [question, setQuestion] = useState<CloseQuestion | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const getEndpoint = (id: string) => catalog.data?.getEndpoint(id);
  const title = (tab: WorkbenchTab) => tabTitle(tab, (id) => getEndpoint(id)?.summary);
  const unsaved = (tab: WorkbenchTab) => hasUnsavedChanges({ drafts, restored }, tab, environment?.id ?? null, getEndpoint);

  const requestClose = (ids: readonly string[]) => {
    const dirty = tabs.filter((tab) => ids.includes(tab.id) && unsaved(tab)).map(title);
    if (dirty.length > 0) setQuestion({ ids, unsaved: dirty });
    else closeNow(ids);
  };
  const closeNow = (ids: readonly string[]) => store.closeTabs(ids);

  const activeIndex = tabs.findIndex((tab) => tab.id === activeTabId);
  const selectAt = (index: number, focus = false) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    store.selectTab(tab.id);
    if (focus) document.getElementById(tabDomId(tab.id))?.focus();
  };

  useGlobalShortcut((event) => {
    const key = event.key.toLowerCase();
    if (hasMod(event) && key === 't') {
      event.preventDefault();
      if (event.shiftKey) store.reopenClosedTab();
      else {
        store.newTab();
        openCommandPalette();
      }
      return;
    }
    if (hasMod(event) && !event.shiftKey && key === 'w') {
      event.preventDefault();
      if (activeTabId) requestClose([activeTabId]);
      return;
    }
    // Digits by their key position, so the same chord works on every keyboard layout.
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    if (hasMod(event) && !event.shiftKey && digit) {
      event.preventDefault();
      selectAt(digit === '9' ? tabs.length - 1 : Number(digit) - 1);
      return;
    }
    if (!event.ctrlKey || event.altKey || tabs.length === 0) return;
    const step = event.key === 'Tab' ? (event.shiftKey ? -1 : 1) : event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    if (event.shiftKey && event.key !== 'Tab') {
      if (activeTabId) store.moveTab(activeTabId, activeIndex + step);
    } else selectAt(activeIndex + step);
  });

  // The active tab is always in view, whether chosen by key, by shortcut or from the catalog.
  useEffect(() => {
    if (activeTabId) document.getElementById(tabDomId(activeTabId))?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [activeTabId]);

  if (tabs.length === 0) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === (event.target as HTMLElement).dataset.tabId);
    if (index < 0) return;
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const box = (event.target as HTMLElement).getBoundingClientRect();
      setMenu({ tabId: tabs[index]?.id ?? '', at: { x: box.left + 12, y: box.bottom } });
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : event.key === 'Delete'
                ? 'close'
                : undefined;
    if (to === undefined) return;
    event.preventDefault();
    if (to === 'close') requestClose([tabs[index]?.id ?? '']);
    else selectAt(to, true);
  };

  const onDrop = (event: DragEvent<HTMLElement>, targetId: string) => {
    event.preventDefault();
    const moved = dragging ?? event.dataTransfer.getData('text/x-workbench-tab');
    setDragging(null);
    if (!moved || moved === targetId) return;
    store.moveTab(
      moved,
      tabs.findIndex((tab) => tab.id === targetId),
    );
  };

  const menuItems = (tabId: string): MenuItem[] => {
    const index = tabs.findIndex((tab) => tab.id === tabId);
    return [
      { id: 'close', label: 'Close', onSelect: () => requestClose([tabId]) },
      {
        id: 'close-others',
        label: 'Close others',
        disabled: tabs.length < 2,
        onSelect: () => requestClose(tabs.filter((tab) => tab.id !== tabId).map((tab) => tab.id)),
      },
      {
        id: 'close-right',
        label: 'Close to the right',
        disabled: index === tabs.length - 1,
        onSelect: () => requestClose(tabs.slice(index + 1).map((tab) => tab.id)),
      },
      { id: 'duplicate', label: 'Duplicate', onSelect: () => store.duplicateTab(tabId) },
    ];
  };

  return (
    <div className="tab-strip" data-testid="tab-strip">
      <div
        ref={listRef}
        className="tab-strip-list"
        role="tablist"
        aria-label="Open requests"
        onKeyDown={onKeyDown}
        onDragOver={(event) => event.preventDefault()}
      >
        {tabs.map((tab) => {
          const selected = tab.id === activeTabId;
          const name = title(tab);
          const dirty = unsaved(tab);
          const method =
            tab.target.kind === 'endpoint'
              ? getEndpoint(tab.target.endpointId)?.method
              : tab.target.kind === 'custom'
                ? tab.target.request.method
                : undefined;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: drag, middle click and right click are pointer extras; the tab inside has the keyboard's way to each
            <div
              key={tab.id}
              className={`workbench-tab${selected ? ' is-active' : ''}${tab.preview ? ' is-preview' : ''}${dragging === tab.id ? ' is-dragging' : ''}`}
              data-testid="workbench-tab"
              data-tab-id={tab.id}
              data-preview={tab.preview ? 'true' : undefined}
              data-unsaved={dirty ? 'true' : undefined}
              draggable
              onDragStart={(event) => {
                setDragging(tab.id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/x-workbench-tab', tab.id);
              }}
              onDragEnd={() => setDragging(null)}
              onDrop={(event) => onDrop(event, tab.id)}
              onMouseDown={(event: MouseEvent) => {
                // The middle button would otherwise start the browser's auto-scroll.
                if (event.button === 1) event.preventDefault();
              }}
              onAuxClick={(event) => {
                if (event.button !== 1) return;
                event.preventDefault();
                requestClose([tab.id]);
              }}
              onContextMenu={(event) => {
                event.preventDefault();
                setMenu({ tabId: tab.id, at: { x: event.clientX, y: event.clientY } });
              }}
            >
              <button
                type="button"
                role="tab"
                id={tabDomId(tab.id)}
                data-tab-id={tab.id}
                data-testid="workbench-tab-button"
                aria-selected={selected}
                aria-controls="workbench-tabpanel"
                tabIndex={selected ? 0 : -1}
                className="workbench-tab-select"
                title={`${name}${tab.preview ? ' (preview: the next endpoint you open replaces it; double-click to keep it)' : ''}`}
                onClick={() => store.selectTab(tab.id)}
                onDoubleClick={() => store.keepTab(tab.id)}
              >
                {method ? <MethodBadge method={method} /> : null}
                <span className="workbench-tab-title">{name}</span>
                {dirty ? (
                  <span className="workbench-tab-dirty" title="Unsaved changes">
                    <span aria-hidden="true">●</span>
                    <span className="visually-hidden">, unsaved changes</span>
                  </span>
                ) : null}
              </button>
              {/* The cross is for the pointer; the keyboard closes with Delete or Ctrl/Cmd+W, and a tablist holds nothing focusable but its tabs. */}
              <span
                className="workbench-tab-close"
                aria-hidden="true"
                title={`Close (${modKey}+W)`}
                data-testid="workbench-tab-close"
                onClick={() => requestClose([tab.id])}
              >
                ×
              </span>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="tab-strip-new"
        aria-label={`New tab (${modKey}+T)`}
        title={`New tab (${modKey}+T)`}
        data-testid="new-tab"
        onClick={() => {
          store.newTab();
          openCommandPalette();
        }}
      >
        <span aria-hidden="true">+</span>
      </button>
      {menu ? <Menu items={menuItems(menu.tabId)} at={menu.at} onClose={() => setMenu(null)} label="Tab" testId="tab-menu" /> : null}
      {question ? (
        <ConfirmDialog
          title={
            question.unsaved.length === 1
              ? `Close “${question.unsaved[0]}” without saving?`
              : `Close ${question.unsaved.length} tabs without saving?`
          }
          confirmLabel="Close without saving"
          tone="warn"
          testId="close-unsaved"
          onCancel={() => setQuestion(null)}
          onConfirm={() => {
            const { ids } = question;
            setQuestion(null);
            closeNow(ids);
          }}
        >
          <p>
            {question.unsaved.length === 1 ? 'It has' : `${question.unsaved.join(', ')} have`} changes that are not saved in the collection.
            Press <kbd>{modKey}+S</kbd> in the tab to save them first.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
