import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import { useGlobalShortcut } from './shortcuts';

export interface TabItem<T extends string> {
  readonly id: T;
  readonly label: ReactNode;
  readonly testId?: string;
  readonly title?: string;
}

export interface TabsProps<T extends string> {
  readonly items: readonly TabItem<T>[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
  /** Names the strip for screen readers. */
  readonly label: string;
  /** Prefix of the tab and panel ids, unique on the page: `<idPrefix>-tab-<id>`, `<idPrefix>-panel-<id>`. */
  readonly idPrefix: string;
  /** Ctrl+Tab, Ctrl+Shift+Tab and Ctrl+PageDown/PageUp switch tabs while focus is inside this element. */
  readonly cycleWithin?: RefObject<HTMLElement | null>;
  /** All tabs show their content in one panel, `<idPrefix>-panel`. */
  readonly sharedPanel?: boolean;
  /** Tabs that do not fit go onto another row instead of scrolling sideways out of reach. */
  readonly wrap?: boolean;
  readonly className?: string;
  readonly testId?: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id?: string) => (id === undefined ? `${prefix}-panel` : `${prefix}-panel-${id}`);

/**
 * The app's one tab strip, with one keyboard model: Left/Right move and select,
 * Home/End jump to the ends, only the selected tab is in the Tab order, and
 * (where `cycleWithin` is given) Ctrl+Tab cycles from anywhere in that region.
 */
export function Tabs<T extends string>({
  items,
  selected,
  onSelect,
  label,
  idPrefix,
  cycleWithin,
  sharedPanel = false,
  wrap = false,
  className,
  testId,
}: TabsProps<T>) {
  const move = (to: number) => {
    const item = items[(to + items.length) % items.length];
    if (!item) return;
    onSelect(item.id);
    document.getElementById(tabId(idPrefix, item.id))?.focus();
  };
  const at = Math.max(
    0,
    items.findIndex((item) => item.id === selected),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to =
      event.key === 'ArrowRight'
        ? at + 1
        : event.key === 'ArrowLeft'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? items.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    move(to);
  };

  useGlobalShortcut((event) => {
    const region = cycleWithin?.current;
    if (!region || !event.ctrlKey || event.altKey || event.metaKey) return;
    if (!(event.target instanceof Node) || !region.contains(event.target)) return;
    const step = event.key === 'Tab' ? (event.shiftKey ? -1 : 1) : event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const item = items[(at + step + items.length) % items.length];
    if (item) onSelect(item.id);
  });

  return (
    <div
      className={`ui-tabs${wrap ? ' ui-tabs-wrap' : ''}${className ? ` ${className}` : ''}`}
      role="tablist"
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const isSelected = item.id === selected;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={tabId(idPrefix, item.id)}
            aria-selected={isSelected}
            aria-controls={panelId(idPrefix, sharedPanel ? undefined : item.id)}
            tabIndex={isSelected ? 0 : -1}
            className="ui-tab"
            title={item.title}
            data-testid={item.testId}
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}

export interface TabPanelProps {
  readonly idPrefix: string;
  /** The tab that labels this panel. */
  readonly id: string;
  /** The one panel of a strip with `sharedPanel`. */
  readonly shared?: boolean;
  readonly children: ReactNode;
  readonly hidden?: boolean;
  readonly className?: string;
  readonly testId?: string;
  readonly panelRef?: RefObject<HTMLDivElement | null>;
}

/** The panel a tab controls, labelled by that tab. */
export function TabPanel({ idPrefix, id, shared = false, children, hidden, className, testId, panelRef }: TabPanelProps) {
  return (
    <div
      ref={panelRef}
      role="tabpanel"
      id={panelId(idPrefix, shared ? undefined : id)}
      aria-labelledby={tabId(idPrefix, id)}
      hidden={hidden}
      className={className}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
