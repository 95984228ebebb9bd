/** What a report is doing while it runs, with the button that stops it. */
export function RunningNotice({ label, onCancel, testId }: { label: string; onCancel: () => void; testId: string }) {
  return (
    <p className="support-loading" role="status">
      {label}{' '}
      <button type="button" className="support-button support-button-small" onClick={onCancel} data-testid={testId}>
        Cancel
      </button>
    </p>
  );
}
