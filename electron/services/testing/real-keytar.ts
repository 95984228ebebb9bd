import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { KeytarLike } from '../keychain';

/** keytar against the real Secret Service when one is on the bus (scripts/with-keyring.sh), else null. */
export function realKeytarIfReachable(): KeytarLike | null {
  if (process.platform !== 'linux' || !process.env.DBUS_SESSION_BUS_ADDRESS) return null;
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
    return reply.includes('boolean true') ? (createRequire(import.meta.url)('keytar') as KeytarLike) : null;
  } catch {
    return null;
  }
}
