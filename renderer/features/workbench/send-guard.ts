import type { EndpointDef } from '../../../shared/catalog/types';
import type { Environment } from '../../../shared/environments/types';

export type SendBlock =
  | { readonly reason: 'no-environment'; readonly message: string }
  | { readonly reason: 'no-key'; readonly message: string }
  | { readonly reason: 'read-only'; readonly message: string };

/** Why this endpoint cannot be sent from this environment, if it cannot. Main enforces the same rules. */
export function sendBlock(endpoint: EndpointDef, environment: Environment | null): SendBlock | undefined {
  if (!environment) {
    return {
      reason: 'no-environment',
      message: 'No environment is selected. Add or pick one in the environment switcher to send requests.',
    };
  }
  if (endpoint.mutates && environment.readOnly) {
    return {
      reason: 'read-only',
      message: `“${environment.name}” is read-only, and ${endpoint.method} ${endpoint.path} changes data, so it cannot be sent from here. Pick another environment, or turn off read-only in this environment’s settings.`,
    };
  }
  if (!environment.hasKey) {
    return {
      reason: 'no-key',
      message: `No API key is saved for “${environment.name}”. Add one in the environment’s settings to send requests.`,
    };
  }
  return undefined;
}
