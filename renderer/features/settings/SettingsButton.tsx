import { useState } from 'react';
import { Button } from '../../ui';
import { SettingsDialog } from './SettingsDialog';

/** The top bar's way into the settings: theme, network proxy, extra certificates, updates. */
export function SettingsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="settings-open" aria-haspopup="dialog">
        Settings
      </Button>
      {open ? <SettingsDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
