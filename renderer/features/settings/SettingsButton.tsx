import { useState } from 'react';
import { SettingsDialog } from './SettingsDialog';

/** The top bar's way into the settings: theme, network proxy, extra certificates, updates. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="settings-open" onClick={() => setOpen(true)} data-testid="settings-open" aria-haspopup="dialog">
        Settings
      </button>
      {open ? <SettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
