import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Where Electron's binary is, or why it is not there (it cannot be downloaded on every machine). */
export function findElectronBinary(): { path: string } | { missing: string } {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? { path: binary } : { missing: 'ELECTRON_OVERRIDE_DIST_PATH names no binary' };
  }
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  // Requiring 'electron' without its binary starts a download, and no test may reach the network: look first.
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'no Electron binary on this machine (the electron package is installed without it)' };
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? { path: binary } : { missing: 'the electron package is installed but its binary is not' };
}
