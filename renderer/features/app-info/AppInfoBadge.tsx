import { useAppInfo } from './use-app-info';

/** Shows which shell the UI runs in; also the simplest proof that the bridge to main works. */
export function AppInfoBadge() {
  const info = useAppInfo();
  if (info.isPending) return <span className="muted">Connecting…</span>;
  if (info.isError)
    return (
      <span className="error-text" data-testid="app-info-error">
        Main process unreachable: {info.error.message}
      </span>
    );
  const { version, shell, versions } = info.data;
  return (
    <span className="muted" data-testid="app-info">
      Mailgun Explorer {version} · {shell === 'electron' ? `Electron ${versions.electron ?? ''}` : 'browser harness'}
    </span>
  );
}
