import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { KeytarLike } from '../keychain';

/** keytar against the real Secret Service when one is on the bus (scripts/with-keyring.sh), else null. */
export function realKeytarIfReachable(): KeytarLike | null {
  return process.platform === 'linux' && secretServiceReachable() ? (createRequire(import.meta.url)('keytar') as KeytarLike) : null;
}

/** Whether a Secret Service owns its name on the session bus; false without a bus or without dbus-send. */
export function secretServiceReachable(): boolean {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  try {
    const reply = execFileSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return reply.includes('boolean true');
  } catch {
    return false;
  }
}
