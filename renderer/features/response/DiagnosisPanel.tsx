import { type ReactNode, useEffect, useState } from 'react';
import { type Diagnosis, type DiagnosisAction, formatDuration, type RegionBoundResource } from '../../../shared/status';
import { call, toAppError } from '../../bridge/client';
import { Button } from '../../ui';
import { useResourceRegion } from './useResourceRegion';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export interface DiagnosisPanelProps {
  readonly diagnoses: readonly Diagnosis[];
  readonly onSwitchRegion?: (region: 'us' | 'eu') => void;
  readonly onRetry?: () => void;
  readonly onOpenEndpoint?: (id: string) => void;
  /** The environment a diagnosis's region probe is made from. */
  readonly probeFrom?: { readonly environmentId: string; readonly region: string };
}

/** What probably went wrong with this response, with one-click next steps. */
export function DiagnosisPanel({ diagnoses, onSwitchRegion, onRetry, onOpenEndpoint, probeFrom }: DiagnosisPanelProps) {
  const waiting = diagnoses.some((diagnosis) => diagnosis.actions.some((action) => action.kind === 'retry-at'));
  const now = useNow(waiting);
  if (diagnoses.length === 0) return null;
  return (
    <section className="diagnoses" aria-label="Diagnosis" data-testid="diagnosis-panel">
      {diagnoses.map((diagnosis) => {
        const actions =
          diagnosis.actions.length > 0 ? (
            <div className="diagnosis-actions">
              {diagnosis.actions.map((action) => (
                <ActionButton
                  key={`${action.kind}-${action.label}`}
                  action={action}
                  now={now}
                  onSwitchRegion={onSwitchRegion}
                  onRetry={onRetry}
                  onOpenEndpoint={onOpenEndpoint}
                />
              ))}
            </div>
          ) : null;
        return (
          <article
            key={diagnosis.id}
            className={`diagnosis ${diagnosis.severity}`}
            data-testid="diagnosis"
            data-diagnosis-id={diagnosis.id}
          >
            <h3>{diagnosis.title}</h3>
            <p>{diagnosis.detail}</p>
            {diagnosis.probe && probeFrom ? (
              <ProbedRegion {...probeFrom} resource={diagnosis.probe} onSwitchRegion={onSwitchRegion}>
                {actions}
              </ProbedRegion>
            ) : (
              actions
            )}
          </article>
        );
      })}
    </section>
  );
}

/** What asking both regions found for the list or route; once it answers, its one useful switch (if any) replaces the guesses. */
function ProbedRegion({
  environmentId,
  region,
  resource,
  onSwitchRegion,
  children,
}: { environmentId: string; region: string; resource: RegionBoundResource; children: ReactNode } & Pick<
  DiagnosisPanelProps,
  'onSwitchRegion'
>) {
  const probe = useResourceRegion(environmentId, region, resource);
  // Until the probe answers (or when it cannot), the diagnosis's own region buttons stand.
  if (probe.isPending) {
    return (
      <>
        <p className="muted" role="status" data-testid="region-probe-pending">
          Asking the other region…
        </p>
        {children}
      </>
    );
  }
  if (probe.isError) {
    return (
      <>
        <p role="status" data-testid="region-probe-result">
          The other region could not be asked: {toAppError(probe.error).message}
        </p>
        {children}
      </>
    );
  }
  const { message, hint, fix } = probe.data;
  return (
    <div role="status" data-testid="region-probe-result">
      <p>
        <strong>{message}</strong> {hint}
      </p>
      {fix && onSwitchRegion ? (
        <div className="diagnosis-actions">
          <Button size="small" variant="primary" onClick={() => onSwitchRegion(fix.region)} data-testid="region-probe-switch">
            Switch to the {fix.label} region
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function ActionButton({
  action,
  now,
  onSwitchRegion,
  onRetry,
  onOpenEndpoint,
}: { action: DiagnosisAction; now: number } & Pick<DiagnosisPanelProps, 'onSwitchRegion' | 'onRetry' | 'onOpenEndpoint'>) {
  switch (action.kind) {
    case 'switch-region':
      return onSwitchRegion ? (
        <Button size="small" onClick={() => onSwitchRegion(action.region)} data-testid="action-switch-region">
          {action.label}
        </Button>
      ) : (
        <span className="muted">{action.label}</span>
      );
    case 'retry-at': {
      const left = Math.max(0, Math.ceil((Date.parse(action.at) - now) / 1000));
      const label = left > 0 ? `Retry in ${formatDuration(left)}` : 'Retry now';
      return onRetry ? (
        <Button size="small" onClick={onRetry} disabled={left > 0} data-testid="action-retry">
          {label}
        </Button>
      ) : (
        <span className="muted" data-testid="action-retry">
          {left > 0 ? `You can retry in ${formatDuration(left)}.` : 'You can retry now.'}
        </span>
      );
    }
    case 'open-docs':
      return (
        <Button
          variant="link"
          onClick={() => void call('openExternal', { url: action.url }).catch(() => undefined)}
          data-testid="action-docs"
        >
          {action.label} ↗
        </Button>
      );
    case 'open-endpoint':
      return onOpenEndpoint ? (
        <Button variant="link" onClick={() => onOpenEndpoint(action.endpointId)} data-testid="action-open-endpoint">
          {action.label}
        </Button>
      ) : (
        <span className="muted">{action.label}</span>
      );
    case 'none':
      return <span className="muted">{action.label}</span>;
  }
}
