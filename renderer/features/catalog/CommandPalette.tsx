import { type KeyboardEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/catalog/index';
import { useWorkbenchStore } from '../../app/workbench-store';
import { Dialog, hasMod, useGlobalShortcut } from '../../ui';
import './catalog.css';
import { closeCommandPalette, openCommandPalette, usePaletteOpen } from '../../app/palette-store';
import { MethodBadge } from './MethodBadge';
import { matchCommands, type PaletteCommand } from './palette-commands';
import { useCatalog } from './use-catalog';

const LIMIT = 50;

/** Ctrl/Cmd+K toggles the palette wherever focus is. */
function usePaletteShortcut(): void {
  useGlobalShortcut((event) => {
    if (hasMod(event) && !event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      openCommandPalette();
    }
  });
}

/**
 * Jump to any endpoint by summary, path, group or parameter name, or run one of
 * the app's commands. Mount once; it renders nothing while closed.
 */
export function CommandPalette({ commands = [] }: { commands?: readonly PaletteCommand[] }) {
  usePaletteShortcut();
  const isOpen = usePaletteOpen();
  return isOpen ? <PaletteDialog commands={commands} /> : null;
}

function describeMatch(result: SearchResult): string | undefined {
  const param = result.matches.find((m) => m.field === 'param');
  if (!param || result.matches.some((m) => m.field === 'summary' || m.field === 'path')) return undefined;
  return `parameter ${param.terms.join(', ')}`;
}

interface PaletteOptionProps {
  readonly index: number;
  readonly id: string;
  readonly active: boolean;
  readonly testId: string;
  readonly data: Readonly<Record<`data-${string}`, string>>;
  readonly className?: string;
  readonly onHover: (index: number) => void;
  readonly onChoose: () => void;
  readonly children: ReactNode;
}

/** One row of the list, a command or an endpoint: chosen with the keyboard through the input, or by a click. */
function PaletteOption({ index, id, active, testId, data, className, onHover, onChoose, children }: PaletteOptionProps) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen with the keyboard through the combobox input.
    <div
      {...data}
      data-index={index}
      tabIndex={-1}
      id={id}
      role="option"
      aria-selected={active}
      data-testid={testId}
      className={`palette-option${className ? ` ${className}` : ''}${active ? ' is-active' : ''}`}
      onMouseMove={() => !active && onHover(index)}
      onClick={onChoose}
    >
      {children}
    </div>
  );
}

function PaletteDialog({ commands }: { commands: readonly PaletteCommand[] }) {
  const catalog = useCatalog();
  const store = useWorkbenchStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const listId = `${baseId}-list`;

  const results = useMemo(() => (catalog.data ? catalog.data.searchCatalog(query, { limit: LIMIT }) : []), [catalog.data, query]);
  const matchedCommands = useMemo(() => matchCommands(commands, query), [commands, query]);
  // Commands come first and share one active index with the endpoints below them.
  const count = matchedCommands.length + results.length;
  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);
  const activeCommand = matchedCommands[activeIndex];
  const activeResult = results[activeIndex - matchedCommands.length];
  const optionId = (kind: 'command' | 'endpoint', id: string) => `${baseId}-${kind}-${id}`;

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeIndex]);

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    store.openEndpoint(result.endpoint.id, undefined, { focusForm: true });
    closeCommandPalette();
  };
  const run = (command: PaletteCommand) => {
    closeCommandPalette();
    command.run();
  };
  const chooseActive = () => {
    if (activeCommand) run(activeCommand);
    else choose(activeResult);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count > 0) setActive((activeIndex + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count > 0) setActive((activeIndex - 1 + count) % count);
        break;
      case 'Home':
        if (count > 0 && event.ctrlKey) setActive(0);
        break;
      case 'End':
        if (count > 0 && event.ctrlKey) setActive(count - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        if (count > 0) setActive(Math.min(count - 1, activeIndex + 8));
        break;
      case 'PageUp':
        event.preventDefault();
        if (count > 0) setActive(Math.max(0, activeIndex - 8));
        break;
      case 'Enter':
        event.preventDefault();
        // Ctrl/Cmd+Enter is "send" everywhere else; here it does nothing rather than open the top result.
        if (!event.ctrlKey && !event.metaKey) chooseActive();
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        closeCommandPalette();
        break;
      case 'Tab':
        // Focus stays in the palette: the list is driven from the input.
        event.preventDefault();
        break;
      default:
        break;
    }
  };

  const activeId = activeCommand
    ? optionId('command', activeCommand.id)
    : activeResult
      ? optionId('endpoint', activeResult.endpoint.id)
      : undefined;
  return (
    <Dialog
      label="Go to endpoint or run a command"
      testId="command-palette"
      className="palette"
      onClose={closeCommandPalette}
      initialFocus={inputRef}
      closeOnBackdrop
    >
      <input
        ref={inputRef}
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-label="Search endpoints by name, path or parameter, and commands"
        placeholder="Go to endpoint: name, path or parameter, or a command…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {count === 0 ? (
        catalog.isPending ? (
          <p className="palette-empty muted" role="status">
            Loading endpoints…
          </p>
        ) : (
          <p className="palette-empty muted" role="status" data-testid="palette-empty">
            No endpoint or command matches “{query}”.
          </p>
        )
      ) : (
        <div
          id={listId}
          ref={listRef}
          className="palette-list"
          role="listbox"
          aria-label="Commands and endpoints"
          data-testid="palette-results"
        >
          {matchedCommands.length > 0 ? (
            <fieldset aria-label="Commands" className="palette-group">
              {matchedCommands.map((command, index) => (
                <PaletteOption
                  key={command.id}
                  index={index}
                  id={optionId('command', command.id)}
                  active={index === activeIndex}
                  testId="palette-command"
                  data={{ 'data-command-id': command.id }}
                  className="palette-command"
                  onHover={setActive}
                  onChoose={() => run(command)}
                >
                  <span className="palette-command-icon" aria-hidden="true">
                    ›
                  </span>
                  <span className="palette-text palette-summary">{command.label}</span>
                  {command.shortcut ? <kbd className="palette-why">{command.shortcut}</kbd> : null}
                </PaletteOption>
              ))}
            </fieldset>
          ) : null}
          {results.length > 0 ? (
            <fieldset aria-label="Endpoints" className="palette-group">
              {results.map((result, resultIndex) => {
                const { endpoint } = result;
                const index = matchedCommands.length + resultIndex;
                const why = describeMatch(result);
                return (
                  <PaletteOption
                    key={endpoint.id}
                    index={index}
                    id={optionId('endpoint', endpoint.id)}
                    active={index === activeIndex}
                    testId="palette-option"
                    data={{ 'data-endpoint-id': endpoint.id }}
                    {...(endpoint.deprecated ? { className: 'is-deprecated' } : {})}
                    onHover={setActive}
                    onChoose={() => choose(result)}
                  >
                    <MethodBadge method={endpoint.method} />
                    <span className="palette-text">
                      <span className="palette-summary">
                        {endpoint.summary}
                        {endpoint.deprecated ? <span className="tag tag-deprecated">deprecated</span> : null}
                      </span>
                      <span className="palette-path">{endpoint.path}</span>
                    </span>
                    {why ? <span className="palette-why muted">{why}</span> : null}
                  </PaletteOption>
                );
              })}
            </fieldset>
          ) : null}
        </div>
      )}
      {count > 0 && catalog.isPending ? (
        <p className="palette-empty muted" role="status">
          Loading endpoints…
        </p>
      ) : null}
      <p className="palette-help muted">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </Dialog>
  );
}
