import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Where Electron's binary is, or why it is not there (it cannot be downloaded on every machine). */
export function findElectronBinary(): { path: string } | { missing: string } {
  try {
    const binary = require('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { missing: 'the electron package is installed but its binary is not' };
  } catch (error) {
    return { missing: `no Electron binary on this machine (${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'})` };
  }
}
