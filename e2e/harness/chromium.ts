import { existsSync } from 'node:fs';

/** Debian's Chromium where it exists: these machines cannot download Playwright's own build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Without the background-networking switches Chromium keeps dialling Google's hosts, which this network refuses. */
export const quietChromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Launch options for a headless test or benchmark browser; running as root needs --no-sandbox. */
export function headlessChromium(extraArgs: readonly string[] = []) {
  return { ...(chromiumPath ? { executablePath: chromiumPath } : {}), args: ['--no-sandbox', ...quietChromiumArgs, ...extraArgs] };
}
