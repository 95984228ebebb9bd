import { keyKindWarning, type KeyKindWarning as Warning } from '../../../shared/environments/key-kind';
import type { Environment } from '../../../shared/environments/types';
import { activeEnvironmentOf, useEnvironmentList } from './use-environments';
import './environments.css';

export interface KeyKindRequest {
  readonly method: string;
  /** The request path or full URL; `{domain}` / `{domain_name}` placeholders are read as the environment's domain. */
  readonly path: string;
}

const domainPlaceholder = /\{domain(?:_name)?\}/g;

/** The pure check, for callers that already hold the environment. */
export function keyKindWarningFor(environment: Pick<Environment, 'keyKind' | 'domain'> | null, request: KeyKindRequest): Warning {
  if (environment === null) return { warn: false };
  const path = request.path.replace(domainPlaceholder, encodeURIComponent(environment.domain));
  return keyKindWarning(environment, request.method, path);
}

/** Whether the active environment's key kind will be refused for this request. */
export function useKeyKindWarning(request: KeyKindRequest): Warning {
  const list = useEnvironmentList();
  return keyKindWarningFor(activeEnvironmentOf(list.data), request);
}

/** Renders nothing unless the active environment holds a domain sending key that this request cannot use. */
export function KeyKindWarning({ method, path }: KeyKindRequest) {
  const warning = useKeyKindWarning({ method, path });
  if (!warning.warn) return null;
  return (
    <p className="env-keykind-warning" role="note" data-testid="key-kind-warning" data-reason={warning.reason}>
      {warning.message}
    </p>
  );
}
