import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { queryKeys } from '../../app/query-keys';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice, RegionHosts } from '../../ui';
import { CallList } from './CallList';
import { GapList } from './GapList';
import type { ToolProps } from './RecipientTool';
import { RunningNotice } from './RunningNotice';
import { callSupport, useSupportOperation } from './support-client';

export function RegionTool({ environment, onOpenRequest }: ToolProps) {
  const [domain, setDomain] = useState('');
  const id = useId();
  const queryClient = useQueryClient();
  const operation = useSupportOperation();
  const finder = useMutation({
    mutationFn: (name: string) =>
      callSupport('findRegion', { environmentId: environment.id, ...(name ? { domain: name } : {}), operationId: operation.next() }),
  });
  const apply = useMutation({
    mutationFn: (fix: { region: 'us' | 'eu'; label: string }) =>
      callSupport('applyRegion', { environmentId: environment.id, region: fix.region }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.environments() });
      if (finder.variables !== undefined) finder.mutate(finder.variables);
    },
  });
  const result = finder.data;

  return (
    <section className="support-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-tool-title">
        Region finder
      </h2>
      <p className="support-intro">
        A domain lives in one region (US or EU), and calls through the other one fail with 401 or 404. This asks both.
      </p>
      <form
        className="support-form support-form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          apply.reset();
          finder.mutate(domain.trim());
        }}
      >
        <label htmlFor={`${id}-domain`}>Domain</label>
        <input
          id={`${id}-domain`}
          className="support-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder={environment.domain || 'mg.example.com'}
          data-testid="support-region-domain"
        />
        <Button type="submit" variant="primary" disabled={finder.isPending} data-testid="support-region-submit">
          {finder.isPending ? 'Asking…' : 'Find region'}
        </Button>
      </form>
      <RegionHosts region={environment.region} testId="support-region-hosts" />
      {finder.isPending ? <RunningNotice label="Asking both regions…" onCancel={operation.cancel} testId="support-region-cancel" /> : null}
      {finder.isError ? <ErrorNotice error={toAppError(finder.error)} testId="support-region-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-region-result" data-mismatch={result.mismatch}>
          <p
            className={`support-verdict support-verdict-${result.mismatch ? 'blocked' : result.foundIn ? 'clear' : 'unknown'}`}
            role="status"
            data-testid="support-region-message"
          >
            {result.message}
          </p>
          {result.hint ? <p className="support-hint">{result.hint}</p> : null}
          {result.probes.length > 0 ? (
            <table className="support-table">
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Base URL</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {result.probes.map((probe) => (
                  <tr key={probe.region} data-testid="support-region-probe" data-found={probe.found}>
                    <th scope="row">
                      {probe.label}
                      {probe.current ? <span className="support-tag">current</span> : null}
                    </th>
                    <td>
                      <code>{probe.baseUrl}</code>
                    </td>
                    <td>
                      {probe.found ? (
                        <span className="support-tag support-tag-ok">found{probe.domainState ? ` (${probe.domainState})` : ''}</span>
                      ) : (
                        <span className="support-tag support-tag-warn">{probe.status === null ? 'no answer' : `HTTP ${probe.status}`}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.fix ? (
            <div className="support-fix">
              <Button
                variant="primary"
                disabled={apply.isPending}
                data-testid="support-region-apply"
                onClick={() => {
                  if (result.fix) apply.mutate(result.fix);
                }}
              >
                Switch “{environment.name}” to {result.fix.label}
              </Button>
              <span className="support-hint">Changes only this environment’s settings, not anything in Mailgun.</span>
            </div>
          ) : null}
          {apply.isSuccess ? (
            <p className="support-verdict support-verdict-clear" role="status" data-testid="support-region-applied">
              “{apply.data.name}” now points at {apply.variables?.label ?? apply.data.region}.
            </p>
          ) : null}
          {apply.isError ? <ErrorNotice error={toAppError(apply.error)} testId="support-region-apply-error" /> : null}
          <GapList gaps={result.gaps} />
          <CallList calls={result.calls} onOpenRequest={onOpenRequest} />
        </div>
      ) : null}
    </section>
  );
}
