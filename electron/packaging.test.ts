import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appId } from './app-identity';

// The packaging config is plain YAML; these lines are the ones whose loss would weaken the shipped app.
const config = readFileSync('electron-builder.yml', 'utf8');

describe('packaging config', () => {
  it.each([
    'runAsNode: false',
    'enableNodeOptionsEnvironmentVariable: false',
    'enableNodeCliInspectArguments: false',
    'enableCookieEncryption: true',
    'onlyLoadAppFromAsar: true',
    'asar: true',
  ])('keeps %s', (line) => {
    expect(config).toMatch(new RegExp(`^\\s*${line}$`, 'm'));
  });

  it('builds every platform target the project supports', () => {
    for (const target of ['AppImage', 'deb', 'dmg', 'nsis']) expect(config).toContain(`- ${target}`);
  });

  it('packages the built main entry that package.json names', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config).toContain('dist/electron/**');
  });

  it('uses the same appId as the AppUserModelId main sets on Windows', () => {
    expect(config).toMatch(new RegExp(`^appId: ${appId.replaceAll('.', '\\.')}$`, 'm'));
  });

  it('publishes to GitHub releases, where electron-updater looks', () => {
    expect(config).toMatch(/^publish:\n {2}provider: github\n/m);
  });
});
