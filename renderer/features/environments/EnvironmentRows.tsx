import { type DragEvent, useEffect, useRef, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import { IconButton } from '../../ui';
import { ColourDot, KeyBadge, ReadOnlyBadge, RegionBadge } from './EnvironmentBadges';
import { CopyIcon, TrashIcon } from './icons';

export interface EnvironmentRowsProps {
  readonly environments: readonly Environment[];
  readonly selectedId: string | null;
  readonly activeId: string | null;
  readonly onSelect: (environment: Environment) => void;
  readonly onMove: (ids: readonly string[], moved: Environment, position: number) => void;
  readonly onDuplicate: (environment: Environment) => void;
  readonly onDelete: (environment: Environment) => void;
}

function moved(ids: readonly string[], from: number, to: number): string[] {
  const next = [...ids];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * The list in the manager. Order matters (Ctrl/Cmd+Alt+1..9 follow it), so it can
 * be changed by dragging the handle or, from the keyboard, with the move
 * buttons; focus stays on the button that was pressed.
 */
export function EnvironmentRows({ environments, selectedId, activeId, onSelect, onMove, onDuplicate, onDelete }: EnvironmentRowsProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const refocus = useRef<{ id: string; direction: 'up' | 'down'; order: string } | null>(null);
  const ids = environments.map((environment) => environment.id);

  useEffect(() => {
    const wanted = refocus.current;
    // Wait for the render that shows the new order; earlier ones still have the old buttons enabled.
    if (wanted === null || ids.join('\n') !== wanted.order) return;
    refocus.current = null;
    const row = [...(listRef.current?.children ?? [])].find((item) => (item as HTMLElement).dataset.environmentId === wanted.id);
    const preferred = row?.querySelector<HTMLButtonElement>(`[data-testid="env-move-${wanted.direction}"]`);
    const fallback = row?.querySelector<HTMLButtonElement>(`[data-testid="env-move-${wanted.direction === 'up' ? 'down' : 'up'}"]`);
    (preferred && !preferred.disabled ? preferred : fallback)?.focus();
  });

  const move = (index: number, direction: 'up' | 'down') => {
    const environment = environments[index];
    const target = direction === 'up' ? index - 1 : index + 1;
    if (!environment || target < 0 || target >= environments.length) return;
    const next = moved(ids, index, target);
    refocus.current = { id: environment.id, direction, order: next.join('\n') };
    onMove(next, environment, target + 1);
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const from = dragging === null ? -1 : ids.indexOf(dragging);
    setDragging(null);
    setDropIndex(null);
    const environment = environments[from];
    if (!environment || from === index) return;
    onMove(moved(ids, from, index), environment, index + 1);
  };

  return (
    <ol ref={listRef} className="env-rows" aria-label="Environments" data-testid="env-rows">
      {environments.map((environment, index) => (
        <li
          key={environment.id}
          className={[
            'env-row',
            environment.id === selectedId ? 'env-row-selected' : '',
            environment.id === dragging ? 'env-row-dragging' : '',
            dropIndex === index && dragging !== environment.id ? 'env-row-drop' : '',
          ].join(' ')}
          data-testid="env-row"
          data-environment-id={environment.id}
          onDragOver={(event) => {
            if (dragging === null) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            setDropIndex(index);
          }}
          onDragLeave={() => setDropIndex((current) => (current === index ? null : current))}
          onDrop={(event) => onDrop(event, index)}
        >
          <span
            className="env-drag-handle"
            draggable
            title="Drag to reorder"
            aria-hidden="true"
            data-testid="env-drag-handle"
            onDragStart={(event) => {
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', environment.name);
              const row = event.currentTarget.closest('li');
              if (row) event.dataTransfer.setDragImage(row, 16, 16);
              setDragging(environment.id);
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropIndex(null);
            }}
          >
            ⠿
          </span>
          <button
            type="button"
            className="env-row-main"
            aria-current={environment.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(environment)}
            data-testid="env-row-select"
          >
            <span className="env-row-title">
              <ColourDot environment={environment} />
              <span className="env-row-name">{environment.name}</span>
              {environment.id === activeId ? <span className="env-badge env-badge-active">active</span> : null}
              {environment.readOnly ? <ReadOnlyBadge /> : null}
            </span>
            <span className="env-row-meta">
              <RegionBadge environment={environment} />
              <span className="env-row-domain" title={environment.domain}>
                {environment.domain}
              </span>
              <KeyBadge environment={environment} />
            </span>
          </button>
          <span className="env-row-actions">
            <IconButton
              label={`Move ${environment.name} up`}
              title="Move up"
              disabled={index === 0}
              onClick={() => move(index, 'up')}
              data-testid="env-move-up"
            >
              ↑
            </IconButton>
            <IconButton
              label={`Move ${environment.name} down`}
              title="Move down"
              disabled={index === environments.length - 1}
              onClick={() => move(index, 'down')}
              data-testid="env-move-down"
            >
              ↓
            </IconButton>
            <IconButton
              label={`Duplicate ${environment.name}`}
              title="Duplicate"
              onClick={() => onDuplicate(environment)}
              data-testid="env-duplicate"
            >
              <CopyIcon />
            </IconButton>
            <IconButton
              tone="danger"
              label={`Delete ${environment.name}`}
              title="Delete"
              onClick={() => onDelete(environment)}
              data-testid="env-delete"
            >
              <TrashIcon />
            </IconButton>
          </span>
        </li>
      ))}
    </ol>
  );
}
