import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Environment } from '../../../shared/environments/types';
import { toAppError } from '../../bridge/client';
import { Button } from '../../ui';
import { ColourDot, KeyBadge, ReadOnlyBadge, RegionBadge } from './EnvironmentBadges';
import { EnvironmentManager } from './EnvironmentManager';
import { type KeyHealth, useKeyHealth } from './key-health';
import { closeEnvironmentManager, openEnvironmentManager, useEnvironmentManagerRequest } from './manager-store';
import { RecoveryBanner } from './RecoveryBanner';
import { modifierLabel, switchChordLabel, useEnvironmentShortcuts } from './use-environment-shortcuts';
import { activeEnvironmentOf, useEnvironmentList, useSetActiveEnvironment } from './use-environments';
import './environments.css';

export interface EnvironmentSwitcherProps {
  /** Set to false when the app shows <RecoveryBanner /> somewhere of its own. */
  readonly showRecoveryBanner?: boolean;
}

const typeAheadResetMs = 600;

/**
 * The top-bar environment picker: always shows where requests will go, and
 * hosts the environment manager dialog. Ctrl/Cmd+E opens it; Ctrl/Cmd+Alt+1..9
 * switch straight to the environment in that position.
 */
export function EnvironmentSwitcher({ showRecoveryBanner = true }: EnvironmentSwitcherProps) {
  const list = useEnvironmentList();
  const setActive = useSetActiveEnvironment();
  const managerRequest = useEnvironmentManagerRequest();
  const [open, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const environments = list.data?.environments ?? [];
  const active = activeEnvironmentOf(list.data);
  const health = useKeyHealth(active);

  const choose = (environment: Environment) => {
    if (environment.id !== list.data?.activeId) setActive.mutate(environment.id);
  };

  useEnvironmentShortcuts({
    onOpen: () => {
      if (!list.data) return;
      if (list.data.environments.length === 0) openEnvironmentManager({ mode: 'create' });
      else setOpen(true);
    },
    onSwitchTo: (index) => {
      const environment = environments[index];
      if (environment) choose(environment);
    },
  });

  let trigger: ReactNode;
  if (list.isPending) {
    trigger = (
      <span className="env-switcher-status muted" data-testid="env-switcher-loading" role="status">
        Loading environments…
      </span>
    );
  } else if (list.isError) {
    const error = toAppError(list.error);
    trigger = (
      <span className="env-switcher-status error-text" data-testid="env-switcher-error" title={error.hint} role="alert">
        Environments could not be loaded: {error.message}{' '}
        <Button variant="link" onClick={() => list.refetch()}>
          Retry
        </Button>
      </span>
    );
  } else if (environments.length === 0) {
    trigger = (
      <Button
        variant="primary"
        className="env-cta"
        data-testid="env-switcher-empty"
        onClick={() => openEnvironmentManager({ mode: 'create' })}
      >
        Add your first environment
      </Button>
    );
  } else {
    trigger = (
      <button
        ref={triggerRef}
        type="button"
        className="env-trigger"
        aria-haspopup="listbox"
        aria-expanded={open}
        data-testid="env-switcher-trigger"
        title={`Switch environment (${modifierLabel}E; ${switchChordLabel}1…9 picks the one in that place)`}
        onClick={() => setOpen((value) => !value)}
      >
        {active ? <ActiveSummary environment={active} health={health} /> : <span className="muted">Choose an environment</span>}
        <span className="env-caret" aria-hidden="true">
          ▾
        </span>
      </button>
    );
  }

  return (
    <div className="env-switcher" data-testid="env-switcher">
      {trigger}
      {setActive.isError ? (
        <span className="error-text env-switch-error" role="alert" data-testid="env-switch-error" title={toAppError(setActive.error).hint}>
          {toAppError(setActive.error).message}
        </span>
      ) : null}
      {open && list.data ? (
        <SwitcherPopover
          environments={environments}
          activeId={list.data.activeId}
          health={health}
          onChoose={(environment) => {
            choose(environment);
            setOpen(false);
            triggerRef.current?.focus();
          }}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) triggerRef.current?.focus();
          }}
          onManage={() => {
            setOpen(false);
            openEnvironmentManager({ mode: 'edit' });
          }}
        />
      ) : null}
      {managerRequest ? <EnvironmentManager request={managerRequest} onClose={closeEnvironmentManager} /> : null}
      {showRecoveryBanner
        ? createPortal(
            <div className="env-recovery-float">
              <RecoveryBanner />
            </div>,
            document.body,
          )
        : null}
    </div>
  );
}

function ActiveSummary({ environment, health }: { environment: Environment; health: KeyHealth }) {
  return (
    <span className="env-summary" data-testid="env-active" data-environment-id={environment.id}>
      <ColourDot environment={environment} />
      <span className="env-summary-name" data-testid="env-active-name">
        {environment.name}
      </span>
      <RegionBadge environment={environment} />
      <span className="env-summary-domain" data-testid="env-active-domain">
        {environment.domain}
      </span>
      <KeyBadge environment={environment} health={health} />
      {environment.readOnly ? <ReadOnlyBadge /> : null}
    </span>
  );
}

interface PopoverProps {
  readonly environments: readonly Environment[];
  readonly activeId: string | null;
  readonly health: KeyHealth;
  readonly onChoose: (environment: Environment) => void;
  /** `refocus` is true when closed from the keyboard, so focus returns to the trigger. */
  readonly onClose: (refocus: boolean) => void;
  readonly onManage: () => void;
}

function SwitcherPopover({ environments, activeId, health, onChoose, onClose, onManage }: PopoverProps) {
  const baseId = useId();
  const popoverRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const startIndex = Math.max(
    0,
    environments.findIndex((environment) => environment.id === activeId),
  );
  const [highlight, setHighlight] = useState(startIndex);
  const typed = useRef({ text: '', at: 0 });
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    listRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (popoverRef.current?.contains(target)) return;
      if ((target as Element).closest?.('[data-testid="env-switcher-trigger"]')) return;
      latestClose.current(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, []);

  useEffect(() => {
    document.getElementById(optionId(highlight))?.scrollIntoView?.({ block: 'nearest' });
  });

  const typeAhead = (key: string) => {
    const now = Date.now();
    const buffer = now - typed.current.at > typeAheadResetMs ? key : typed.current.text + key;
    typed.current = { text: buffer, at: now };
    const needle = buffer.toLocaleLowerCase();
    // A repeated single letter cycles through names starting with it.
    const from = buffer.length === 1 ? highlight + 1 : highlight;
    for (let step = 0; step < environments.length; step += 1) {
      const index = (from + step) % environments.length;
      if (environments[index]?.name.toLocaleLowerCase().startsWith(needle)) {
        setHighlight(index);
        return;
      }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = environments.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        setHighlight((index) => Math.min(last, index + 1));
        break;
      case 'ArrowUp':
        setHighlight((index) => Math.max(0, index - 1));
        break;
      case 'Home':
      case 'PageUp':
        setHighlight(0);
        break;
      case 'End':
      case 'PageDown':
        setHighlight(last);
        break;
      case 'Enter':
      case ' ': {
        if (event.key === ' ' && typed.current.text !== '' && Date.now() - typed.current.at < typeAheadResetMs) {
          typeAhead(' ');
          break;
        }
        const environment = environments[highlight];
        if (environment) onChoose(environment);
        break;
      }
      case 'Escape':
        onClose(true);
        break;
      case 'Tab':
        // Tab moves on to "Manage environments…" inside the popover.
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          typeAhead(event.key);
          break;
        }
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and focus leaving are caught for the whole popover; its controls are the listbox and a button.
    <div
      ref={popoverRef}
      className="env-popover"
      data-testid="env-switcher-popover"
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next !== null && !popoverRef.current?.contains(next)) onClose(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose(true);
        }
      }}
    >
      {health.problem ? (
        <p className="env-popover-problem" data-testid="env-switcher-key-problem">
          {health.problem}
        </p>
      ) : null}
      <div
        ref={listRef}
        role="listbox"
        tabIndex={0}
        aria-label="Environments"
        aria-activedescendant={environments.length > 0 ? optionId(highlight) : undefined}
        className="env-listbox"
        data-testid="env-switcher-listbox"
        onKeyDown={onKeyDown}
      >
        {environments.map((environment, index) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keyboard for its options.
          <div
            key={environment.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={environment.id === activeId}
            className={`env-option${index === highlight ? ' env-option-highlight' : ''}`}
            data-testid="env-option"
            data-environment-id={environment.id}
            onClick={() => onChoose(environment)}
            onPointerMove={() => setHighlight(index)}
          >
            <ColourDot environment={environment} />
            <span className="env-option-main">
              <span className="env-option-name">{environment.name}</span>
              <span className="env-option-meta">
                <RegionBadge environment={environment} />
                <span className="env-option-domain">{environment.domain}</span>
                <KeyBadge environment={environment} />
                {environment.readOnly ? <ReadOnlyBadge /> : null}
              </span>
            </span>
            <span className="env-option-side">
              {environment.id === activeId ? (
                <span className="env-option-check" aria-hidden="true">
                  ✓
                </span>
              ) : null}
              {index < 9 ? <kbd className="env-kbd">{`${switchChordLabel}${index + 1}`}</kbd> : null}
            </span>
          </div>
        ))}
      </div>
      <div className="env-popover-footer">
        <Button data-testid="env-manage" onClick={onManage}>
          Manage environments…
        </Button>
        <span className="muted env-popover-hint">↑↓ to move, Enter to switch, Esc to close</span>
      </div>
    </div>
  );
}
