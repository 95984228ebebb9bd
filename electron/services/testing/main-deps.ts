import type { MainDeps } from '..';

/** Dialogs that pick nothing and refuse every question, so a test states only what it answers differently. */
const refusingDialogs: MainDeps['dialogs'] = {
  openFiles: async () => [],
  saveFile: async () => ({ saved: false }),
  saveTextFile: async () => ({ saved: false }),
  openTextFile: async () => null,
  confirm: async () => false,
};

/** What the browser harness hands createServices, for tests that boot the real services under plain Node. */
export function testMainDeps(
  deps: Pick<MainDeps, 'dataDir' | 'keytar'> & Partial<Omit<MainDeps, 'dialogs'>> & { readonly dialogs?: Partial<MainDeps['dialogs']> },
): MainDeps {
  return {
    appVersion: '0.0.0',
    shell: 'browser-harness',
    platform: process.platform,
    versions: { node: process.versions.node },
    openExternal: async () => {},
    ...deps,
    dialogs: { ...refusingDialogs, ...deps.dialogs },
  };
}
