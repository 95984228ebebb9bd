import { useState } from 'react';
import {
  type DesktopSettingsInput,
  type DesktopSettingsView,
  type ProxyMode,
  proxyUrlSchema,
  type ThemeSetting,
} from '../../../shared/bridge/desktop';
import { toAppError } from '../../bridge/client';
import { Button, Dialog, ErrorNotice } from '../../ui';
import { useActiveBaseUrl, useDesktopSettings, useSettingsMutations } from './use-desktop-settings';
import './settings.css';

const proxyChoices: readonly { mode: ProxyMode; label: string }[] = [
  { mode: 'system', label: 'Use the system proxy settings (and PAC file)' },
  { mode: 'none', label: 'No proxy' },
  { mode: 'manual', label: 'Manual proxy' },
];

const themeChoices: readonly { theme: ThemeSetting; label: string }[] = [
  { theme: 'system', label: 'Follow the system' },
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
];

function inputFrom(view: DesktopSettingsView) {
  return {
    mode: view.proxy.mode,
    url: view.proxy.url,
    username: view.proxy.username,
    theme: view.theme,
    checkForUpdates: view.checkForUpdates,
  };
}

function SettingsForm({ view, onClose }: { view: DesktopSettingsView; onClose: () => void }) {
  const mutations = useSettingsMutations();
  const activeBaseUrl = useActiveBaseUrl();
  const [draft, setDraft] = useState(() => inputFrom(view));
  const [password, setPassword] = useState('');
  const [probeUrl, setProbeUrl] = useState(activeBaseUrl ?? 'https://api.mailgun.net/');
  const urlProblem = draft.mode === 'manual' ? proxyUrlSchema.safeParse(draft.url).error?.issues[0]?.message : undefined;
  const failed = Object.values(mutations).find((mutation) => mutation.isError)?.error;

  const save = () => {
    const proxy: DesktopSettingsInput['proxy'] =
      draft.mode === 'manual' ? { mode: 'manual', url: draft.url.trim(), username: draft.username.trim() } : { mode: draft.mode };
    mutations.save.mutate({ proxy, theme: draft.theme, checkForUpdates: draft.checkForUpdates });
  };

  return (
    <Dialog
      title="Settings"
      testId="settings-dialog"
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose} data-testid="settings-close">
            Close
          </Button>
          <Button variant="primary" disabled={Boolean(urlProblem) || mutations.save.isPending} onClick={save} data-testid="settings-save">
            {mutations.save.isPending ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      {failed ? <ErrorNotice error={toAppError(failed)} testId="settings-error" /> : null}
      {mutations.save.isSuccess ? (
        <p className="settings-status" role="status" data-testid="settings-saved">
          Saved and applied.
        </p>
      ) : null}

      <fieldset className="settings-group">
        <legend>Appearance</legend>
        <label className="ui-field">
          Theme
          <select
            value={draft.theme}
            onChange={(event) => setDraft({ ...draft, theme: event.target.value as ThemeSetting })}
            data-testid="settings-theme"
          >
            {themeChoices.map((choice) => (
              <option key={choice.theme} value={choice.theme}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset className="settings-group" data-testid="settings-proxy">
        <legend>Network proxy</legend>
        {proxyChoices.map((choice) => (
          <label key={choice.mode} className="settings-choice">
            <input
              type="radio"
              name="proxy-mode"
              value={choice.mode}
              checked={draft.mode === choice.mode}
              onChange={() => setDraft({ ...draft, mode: choice.mode })}
              data-testid={`settings-proxy-${choice.mode}`}
            />
            {choice.label}
          </label>
        ))}
        {draft.mode === 'manual' ? (
          <div className="settings-manual">
            <label className="ui-field">
              Proxy address
              <input
                value={draft.url}
                placeholder="http://proxy.example.com:3128"
                onChange={(event) => setDraft({ ...draft, url: event.target.value })}
                aria-invalid={Boolean(urlProblem) && draft.url !== ''}
                data-testid="settings-proxy-url"
              />
            </label>
            {urlProblem && draft.url !== '' ? (
              <p className="settings-hint settings-problem" data-testid="settings-proxy-url-problem">
                {urlProblem}
              </p>
            ) : null}
            <label className="ui-field">
              User name (if the proxy asks for one)
              <input
                value={draft.username}
                autoComplete="off"
                onChange={(event) => setDraft({ ...draft, username: event.target.value })}
                data-testid="settings-proxy-username"
              />
            </label>
            <label className="ui-field">
              Password (kept in the system keychain)
              <span className="settings-row">
                <input
                  type="password"
                  value={password}
                  autoComplete="off"
                  placeholder={view.proxy.hasPassword ? 'A password is stored' : ''}
                  onChange={(event) => setPassword(event.target.value)}
                  data-testid="settings-proxy-password"
                />
                <Button
                  disabled={password === '' || mutations.setPassword.isPending}
                  onClick={() => mutations.setPassword.mutate(password, { onSuccess: () => setPassword('') })}
                  data-testid="settings-proxy-password-save"
                >
                  Store
                </Button>
                {view.proxy.hasPassword ? (
                  <Button onClick={() => mutations.deletePassword.mutate()} data-testid="settings-proxy-password-delete">
                    Remove
                  </Button>
                ) : null}
              </span>
            </label>
          </div>
        ) : null}
        <div className="ui-field">
          <label htmlFor="settings-probe-url">Which proxy applies to (the active environment's base URL)</label>
          <span className="settings-row">
            <input
              id="settings-probe-url"
              value={probeUrl}
              onChange={(event) => setProbeUrl(event.target.value)}
              data-testid="settings-probe-url"
            />
            <Button onClick={() => mutations.resolveProxy.mutate(probeUrl.trim())} data-testid="settings-probe">
              Check
            </Button>
          </span>
          {mutations.resolveProxy.data ? (
            <p className="settings-hint" role="status" data-testid="settings-probe-result">
              Requests to {mutations.resolveProxy.data.url} use {mutations.resolveProxy.data.description}.
            </p>
          ) : (
            <p className="settings-hint">Saved settings apply at once; check here after saving.</p>
          )}
        </div>
      </fieldset>

      <fieldset className="settings-group" data-testid="settings-certificates">
        <legend>Extra CA certificates</legend>
        <p className="settings-hint">
          For networks that inspect HTTPS: add your organisation's CA certificate (a PEM file). Servers whose certificate it issued are
          trusted in addition to the system's certificates.
        </p>
        {view.certificates.length > 0 ? (
          <ul className="settings-certificates">
            {view.certificates.map((certificate) => (
              <li key={certificate.fingerprint256} data-testid="settings-certificate">
                <span>
                  <strong>{certificate.subject}</strong>
                  <span className="settings-hint">
                    {certificate.fileName} · valid until {certificate.validTo.slice(0, 10)}
                  </span>
                </span>
                <Button
                  size="small"
                  aria-label={`Remove ${certificate.subject}`}
                  onClick={() => mutations.removeCertificate.mutate(certificate.fingerprint256)}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <Button
          onClick={() => mutations.addCertificate.mutate()}
          disabled={mutations.addCertificate.isPending}
          data-testid="settings-add-certificate"
        >
          Add certificate…
        </Button>
      </fieldset>

      <fieldset className="settings-group">
        <legend>Updates</legend>
        <label className="settings-choice">
          <input
            type="checkbox"
            checked={draft.checkForUpdates}
            disabled={!view.updatesSupported}
            onChange={(event) => setDraft({ ...draft, checkForUpdates: event.target.checked })}
            data-testid="settings-check-updates"
          />
          Check for updates when the app starts
        </label>
        {view.updatesSupported ? null : <p className="settings-hint">Updates are off in development builds and in the test harness.</p>}
      </fieldset>
    </Dialog>
  );
}

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useDesktopSettings();
  if (settings.isError) {
    return (
      <Dialog title="Settings" testId="settings-dialog" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
        <ErrorNotice error={toAppError(settings.error)} testId="settings-error" />
      </Dialog>
    );
  }
  if (!settings.data) return null;
  return <SettingsForm view={settings.data} onClose={onClose} />;
}
