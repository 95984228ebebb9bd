import type { RecoveryNotice, RecoveryReason } from '../../shared/bridge/environments';
import type { StoreRecovery } from './json-store';

/**
 * The notice a store hands the renderer after it had to set its file aside:
 * what was wrong, what the app kept, where the original is, and what to do.
 */

const reasonText: Record<RecoveryReason, string> = {
  unreadable: 'could not be read (it may be a folder, or unreadable for this user)',
  'invalid-json': 'was not valid JSON',
  'unsupported-version': 'was written by a newer version of the app',
  'invalid-content': 'was not in the expected form',
  'partially-valid': 'contained entries that were not valid',
};

export function storeRecoveryNotice(recovery: StoreRecovery, id: string, outcome: string, todo = ''): RecoveryNotice {
  const where =
    recovery.movedTo === null
      ? `It could not be moved aside, so changes cannot be saved until you move ${recovery.fileName} out of the data folder yourself and restart the app.`
      : `The original was kept as ${recovery.movedTo} in the data folder; nothing else was deleted.`;
  const message = `${recovery.fileName} ${reasonText[recovery.reason]}. ${outcome} ${where}${todo === '' ? '' : ` ${todo}`}`;
  return { id, ...recovery, message };
}
