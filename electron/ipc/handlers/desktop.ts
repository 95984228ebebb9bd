import type { RendererErrorSink } from '../../logging/renderer-errors';
import type { DesktopSettingsService } from '../../services/desktop-settings';
import type { Handlers } from '../dispatcher';

export interface DesktopHandlerDeps {
  readonly rendererErrors: RendererErrorSink;
  readonly settings: DesktopSettingsService;
}

type DesktopMethod =
  | 'reportRendererError'
  | 'getDesktopSettings'
  | 'saveDesktopSettings'
  | 'setProxyPassword'
  | 'deleteProxyPassword'
  | 'addCaCertificateFromFile'
  | 'removeCaCertificate'
  | 'resolveProxy';

export function createDesktopHandlers({ rendererErrors, settings }: DesktopHandlerDeps): Pick<Handlers, DesktopMethod> {
  return {
    reportRendererError: (report) => rendererErrors.report(report),
    getDesktopSettings: () => settings.view(),
    saveDesktopSettings: (input) => settings.save(input),
    setProxyPassword: ({ password }) => settings.setProxyPassword(password),
    deleteProxyPassword: () => settings.deleteProxyPassword(),
    addCaCertificateFromFile: () => settings.addCertificateFromFile(),
    removeCaCertificate: ({ fingerprint256 }) => settings.removeCertificate(fingerprint256),
    resolveProxy: ({ url }) => settings.resolveProxy(url),
  };
}
