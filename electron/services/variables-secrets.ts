import type { EnvironmentVariable } from '../../shared/variables';
import type { KeyWriter } from './keychain';

/**
 * Secret variables live in the same keychain service as API keys, under
 * their own account names: `variable:<environment id>:<name>` can never be
 * an environment id (a UUID or `sandbox`) or the access probe.
 */
export function secretVariableAccount(environmentId: string, name: string): string {
  return `variable:${environmentId}:${name}`;
}

/** Removes the keychain entries of an environment's secrets; the names whose entry could not be removed are returned. */
export async function deleteSecretVariables(
  keychain: Pick<KeyWriter, 'deleteKey'>,
  environmentId: string,
  variables: readonly EnvironmentVariable[] | undefined,
): Promise<string[]> {
  const failed: string[] = [];
  for (const variable of variables ?? []) {
    if (!variable.secret) continue;
    try {
      await keychain.deleteKey(secretVariableAccount(environmentId, variable.name));
    } catch {
      failed.push(variable.name);
    }
  }
  return failed;
}
