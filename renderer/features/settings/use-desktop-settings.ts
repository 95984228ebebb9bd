import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DesktopSettingsInput, DesktopSettingsView } from '../../../shared/bridge/desktop';
import { baseUrlFor } from '../../../shared/environments/regions';
import { call } from '../../bridge/client';

const settingsKey = ['desktop-settings'] as const;

export function useDesktopSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => call('getDesktopSettings') });
}

/** Every change answers with the new settings, which replace the cached ones. */
export function useSettingsMutations() {
  const client = useQueryClient();
  const store = (view: DesktopSettingsView) => client.setQueryData(settingsKey, view);
  return {
    save: useMutation({ mutationFn: (input: DesktopSettingsInput) => call('saveDesktopSettings', input), onSuccess: store }),
    setPassword: useMutation({ mutationFn: (password: string) => call('setProxyPassword', { password }), onSuccess: store }),
    deletePassword: useMutation({ mutationFn: () => call('deleteProxyPassword'), onSuccess: store }),
    addCertificate: useMutation({ mutationFn: () => call('addCaCertificateFromFile'), onSuccess: (result) => store(result.settings) }),
    removeCertificate: useMutation({
      mutationFn: (fingerprint256: string) => call('removeCaCertificate', { fingerprint256 }),
      onSuccess: store,
    }),
    resolveProxy: useMutation({ mutationFn: (url: string) => call('resolveProxy', { url }) }),
  };
}

/**
 * The active environment's base URL, for "which proxy applies". Same query key
 * as the environments feature, so this reads the list the top bar already has.
 */
export function useActiveBaseUrl(): string | null {
  const list = useQuery({ queryKey: ['environments'], queryFn: () => call('listEnvironments') }).data;
  const active = list?.environments.find((environment) => environment.id === list.activeId);
  if (!active) return null;
  try {
    return baseUrlFor(active);
  } catch {
    return null;
  }
}
