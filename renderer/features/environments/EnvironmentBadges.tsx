import { type Environment, environmentColours } from '../../../shared/environments/types';
import { keyLabel, regionBadge } from './draft';
import type { KeyHealth } from './key-health';

export function ColourDot({ environment }: { environment: Pick<Environment, 'colour'> }) {
  return <span className="env-dot" aria-hidden="true" style={{ background: environmentColours[environment.colour] }} />;
}

export function RegionBadge({ environment }: { environment: Pick<Environment, 'region' | 'baseUrl'> }) {
  const badge = regionBadge(environment);
  return (
    <span className={`env-badge env-badge-region env-region-${environment.region}`} title={badge.title} data-testid="env-region-badge">
      {badge.label}
    </span>
  );
}

export function ReadOnlyBadge() {
  return (
    <span
      className="env-badge env-badge-readonly"
      title="Requests that change data are blocked in this environment"
      data-testid="env-readonly-badge"
    >
      read-only
    </span>
  );
}

/** Key status without the key: the last four characters at most. */
export function KeyBadge({ environment, health }: { environment: Pick<Environment, 'hasKey' | 'keyLast4'>; health?: KeyHealth }) {
  if (health?.problem) {
    return (
      <span
        className="env-badge env-badge-key env-keystate-problem"
        title={health.problem}
        data-testid="env-key-status"
        data-state="problem"
      >
        keychain problem
      </span>
    );
  }
  const state = environment.hasKey ? 'stored' : 'none';
  return (
    <span
      className={`env-badge env-badge-key env-keystate-${state}`}
      title={environment.hasKey ? 'API key stored in the OS keychain' : 'No API key stored yet'}
      data-testid="env-key-status"
      data-state={state}
    >
      {keyLabel(environment)}
    </span>
  );
}
