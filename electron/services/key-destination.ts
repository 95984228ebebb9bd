import { baseUrlFor, regionBaseUrls } from '../../shared/environments/regions';
import type { Environment, EnvironmentInput } from '../../shared/environments/types';
import { AppFailure } from '../../shared/errors';
import type { EnvironmentsService } from './environments';
import type { ConfirmDialog } from './snippets';

const officialHosts = new Set(Object.values(regionBaseUrls).map((url) => new URL(url).host));

function hostOf(environment: Pick<Environment, 'region' | 'baseUrl' | 'sandbox'>): string | null {
  try {
    return new URL(baseUrlFor(environment)).host;
  } catch {
    return null;
  }
}

/**
 * An environment's key goes wherever its base URL points. When a save would
 * point an environment that has a key at a new host that is not one of
 * Mailgun's own, main asks in a native dialog naming that host, and nothing
 * is saved unless the user agrees. (US and EU are both Mailgun, so switching
 * between them needs no question.)
 */
export function guardKeyDestination(environments: EnvironmentsService, confirm: ConfirmDialog): EnvironmentsService {
  return {
    ...environments,
    async save(input: EnvironmentInput, options) {
      const current = input.id === undefined ? undefined : await environments.find(input.id);
      if (current?.hasKey) {
        const before = hostOf(current);
        const after = hostOf({ region: input.region, baseUrl: input.baseUrl, sandbox: current.sandbox });
        if (after !== null && after !== before && !officialHosts.has(after)) {
          const agreed = await confirm({
            title: 'Send the API key to a new host?',
            message: `"${current.name}" has an API key. Saving sends it, with every request, to ${after}.`,
            detail: `Until now it went to ${before ?? 'no host'}. Only continue if you trust ${after}: whoever runs it can use the key.`,
            confirmLabel: `Send the key to ${after}`,
          });
          if (!agreed) {
            throw new AppFailure(
              'cancelled',
              `The changes to "${current.name}" were not saved, so its key still goes only to ${before ?? 'its old host'}.`,
              `Save again and confirm if you trust ${after}, or remove the key first.`,
              'baseUrl',
            );
          }
        }
      }
      return environments.save(input, options);
    },
  };
}
