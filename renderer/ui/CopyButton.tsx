import { IconButton } from './Button';
import { showToast } from './Toast';

/** A small button that copies one value (a host name, a URL) and says whether the clipboard took it. */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId?: string }) {
  return (
    <IconButton
      label={`Copy ${label}`}
      className="ui-copy-button"
      data-testid={testId}
      onClick={() =>
        void navigator.clipboard.writeText(value).then(
          () => showToast(`Copied ${value}`, 'ok'),
          () => showToast(`The clipboard refused ${value}; select it and copy it by hand.`, 'danger'),
        )
      }
    >
      <svg
        width="13"
        height="13"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        aria-hidden="true"
        focusable="false"
      >
        <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
        <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
      </svg>
    </IconButton>
  );
}
