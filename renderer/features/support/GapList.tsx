import type { ReportGap } from '../../../shared/support/types';

const kindLabel: Record<ReportGap['kind'], string> = {
  plan: 'Not allowed',
  'rate-limit': 'Rate limited',
  timeout: 'Timed out',
  auth: 'Key refused',
  'not-found': 'Not found',
  network: 'Network',
  server: 'Server error',
  other: 'Incomplete',
};

/** What a report could not include, and why: shown whenever a result is partial. */
export function GapList({ gaps }: { readonly gaps: readonly ReportGap[] }) {
  if (gaps.length === 0) return null;
  return (
    <div className="support-gaps" role="status" data-testid="support-gaps">
      <strong>Partial result: {gaps.length === 1 ? 'one part' : `${gaps.length} parts`} could not be read.</strong>
      <ul>
        {gaps.map((gap) => (
          <li key={`${gap.section}|${gap.reason}`} data-testid="support-gap" data-kind={gap.kind}>
            <span className="support-tag support-tag-warn">{kindLabel[gap.kind]}</span>{' '}
            <span className="support-gap-section">{gap.section}</span>: {gap.reason}
            {gap.status === null ? '' : ` (HTTP ${gap.status})`}
          </li>
        ))}
      </ul>
    </div>
  );
}
