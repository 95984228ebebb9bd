import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
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
                // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen with the keyboard through the combobox input.
                <div
                  key={command.id}
                  data-index={index}
                  tabIndex={-1}
                  id={optionId('command', command.id)}
                  role="option"
                  aria-selected={index === activeIndex}
                  data-testid="palette-command"
                  data-command-id={command.id}
                  className={`palette-option palette-command${index === activeIndex ? ' is-active' : ''}`}
                  onMouseMove={() => index !== activeIndex && setActive(index)}
                  onClick={() => run(command)}
                >
                  <span className="palette-command-icon" aria-hidden="true">
                    ›
                  </span>
                  <span className="palette-text palette-summary">{command.label}</span>
                  {command.shortcut ? <kbd className="palette-why">{command.shortcut}</kbd> : null}
                </div>
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
                  // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen with the keyboard through the combobox input.
                  <div
                    key={endpoint.id}
                    data-index={index}
                    tabIndex={-1}
                    id={optionId('endpoint', endpoint.id)}
                    role="option"
                    aria-selected={index === activeIndex}
                    data-testid="palette-option"
                    data-endpoint-id={endpoint.id}
                    className={`palette-option${index === activeIndex ? ' is-active' : ''}${endpoint.deprecated ? ' is-deprecated' : ''}`}
                    onMouseMove={() => index !== activeIndex && setActive(index)}
                    onClick={() => choose(result)}
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
                  </div>
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
