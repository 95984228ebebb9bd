import { useMutation } from '@tanstack/react-query';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { callSupport } from './support-client';

/** "Export Markdown / JSON" for a verdict or trace shown: main writes exactly that result, redacted, to a file the user picks. */
export function ExportButtons({ environmentId, reportId, testId }: { environmentId: string; reportId: string; testId: string }) {
  const exporter = useMutation({
    mutationFn: (format: 'markdown' | 'json') => callSupport('exportInvestigation', { environmentId, reportId, format }),
  });
  return (
    <div className="support-export">
      <div className="support-actions">
        <Button size="small" onClick={() => exporter.mutate('markdown')} disabled={exporter.isPending} data-testid={`${testId}-markdown`}>
          Export Markdown
        </Button>
        <Button size="small" onClick={() => exporter.mutate('json')} disabled={exporter.isPending} data-testid={`${testId}-json`}>
          Export JSON
        </Button>
      </div>
      {exporter.isSuccess ? (
        <p className="support-muted" role="status" data-testid={`${testId}-status`}>
          {exporter.data.saved
            ? `Saved ${exporter.data.path ?? exporter.data.fileName}, with every call made and no key.`
            : 'Export cancelled.'}
        </p>
      ) : null}
      {exporter.isError ? <ErrorNotice error={toAppError(exporter.error)} testId={`${testId}-error`} /> : null}
    </div>
  );
}
