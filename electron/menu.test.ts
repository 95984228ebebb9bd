import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`has Show Logs, Copy Diagnostics, About and Check for Updates on ${platform}`, () => {
      const actions = { showLogs: vi.fn(), copyDiagnostics: vi.fn(), checkForUpdates: vi.fn() };
      const all = items(applicationMenuTemplate(platform, 'Mailgun Explorer', actions));
      click(all.find((item) => item.label === 'Show Logs'));
      click(all.find((item) => item.label === 'Copy Diagnostics'));
      click(all.find((item) => item.label === 'Check for Updates…'));
      expect(actions.showLogs).toHaveBeenCalledTimes(1);
      expect(actions.copyDiagnostics).toHaveBeenCalledTimes(1);
      expect(actions.checkForUpdates).toHaveBeenCalledTimes(1);
      expect(all.filter((item) => item.role === 'about')).toHaveLength(1);
      expect(all.some((item) => item.role === 'paste')).toBe(true);
    });
  }

  it('leaves Ctrl/Cmd+W to the workbench tabs: closing the window is Ctrl/Cmd+Shift+W', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const all = items(applicationMenuTemplate(platform, 'Mailgun Explorer', { showLogs: vi.fn(), copyDiagnostics: vi.fn() }));
      // A role's default accelerator applies unless one is given, so every close item must name its own.
      expect(all.filter((item) => item.role === 'close').map((item) => item.accelerator)).toEqual(['CmdOrCtrl+Shift+W']);
      expect(all.some((item) => item.accelerator === 'CmdOrCtrl+W')).toBe(false);
    }
  });

  it('leaves out Check for Updates when updates are off', () => {
    const all = items(applicationMenuTemplate('linux', 'Mailgun Explorer', { showLogs: vi.fn(), copyDiagnostics: vi.fn() }));
    expect(all.some((item) => item.label === 'Check for Updates…')).toBe(false);
  });
});
