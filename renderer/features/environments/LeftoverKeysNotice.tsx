import type { LeftoverKey } from '../../../shared/bridge/environments';
import { toAppError } from '../../bridge/client';
import { Button } from '../../ui';
import { KeychainNotice } from './ApiKeyField';
import { useRetryKeyDeletion } from './use-environments';

function names(keys: readonly LeftoverKey[]): string {
  return keys.map((key) => `“${key.name}”`).join(', ');
}

/** Keys of deleted environments that the keychain would not remove, with a way to try again. */
export function LeftoverKeysNotice({ keys }: { keys: readonly LeftoverKey[] }) {
  const retry = useRetryKeyDeletion();
  if (keys.length === 0) return null;
  const error = retry.data?.error ?? (retry.isError ? toAppError(retry.error) : null);
  return (
    <div className="env-leftover" role="status" data-testid="env-leftover-keys">
      <p>
        {keys.length === 1 ? 'The API key of the deleted environment ' : 'The API keys of the deleted environments '}
        {names(keys)} {keys.length === 1 ? 'is' : 'are'} still in the system keychain, because it would not remove{' '}
        {keys.length === 1 ? 'it' : 'them'}. Unlock the keychain, then retry.
      </p>
      {error ? <KeychainNotice error={error} testId="env-leftover-error" /> : null}
      <Button onClick={() => retry.mutate()} disabled={retry.isPending} data-testid="env-leftover-retry">
        {retry.isPending ? 'Removing…' : 'Retry'}
      </Button>
    </div>
  );
}
