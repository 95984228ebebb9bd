import { useWorkbenchState } from '../../app/workbench-store';
import { Button } from '../../ui';
import { setImportNotice, useImportNotice } from './import-notices';

/** What an import left out (the key, files to pick again, ignored options), shown over the request it opened. */
export function ImportNotices() {
  const notice = useImportNotice();
  const openCount = useWorkbenchState((state) => state.openCount);
  if (!notice || notice.openCount !== openCount) return null;
  return (
    <div className="notice notice-warn import-notices" role="status" data-testid="import-notices">
      <div>
        <strong>{notice.source === 'curl' ? 'Imported from cURL.' : 'Opened from the URL.'}</strong>
        <ul>
          {notice.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <Button size="small" variant="quiet" onClick={() => setImportNotice(null)} data-testid="import-notices-dismiss">
        Dismiss
      </Button>
    </div>
  );
}
