import type { RequestValues } from '../../../shared/request/build-request';
import { Button } from '../../ui';
import { PAGE_DIRECTIONS, type PageDirection, type PageTargets } from './paging';

const LABELS: Readonly<Record<PageDirection, { text: string; hint: string }>> = {
  first: { text: '« First', hint: 'First page' },
  previous: { text: '‹ Previous', hint: 'Previous page' },
  next: { text: 'Next ›', hint: 'Next page' },
  last: { text: 'Last »', hint: 'Last page' },
};

export interface PaginationBarProps {
  readonly targets: PageTargets;
  readonly onPage: (values: RequestValues) => void;
  /** While a page is loading the buttons wait. */
  readonly disabled?: boolean;
  /** Where the listed rows stand, e.g. "rows 101–200 of 950". */
  readonly position?: string;
}

/** First / previous / next / last, each disabled when the response offers no such page. */
export function PaginationBar({ targets, onPage, disabled, position }: PaginationBarProps) {
  return (
    <nav className="pagination-bar" aria-label="Pages" data-testid="pagination-bar">
      {PAGE_DIRECTIONS.map((direction) => {
        const values = targets[direction];
        return (
          <Button
            key={direction}
            size="small"
            disabled={disabled || values === undefined}
            onClick={() => values && onPage(values)}
            title={values === undefined ? `No ${LABELS[direction].hint.toLowerCase()}` : LABELS[direction].hint}
            data-testid={`page-${direction}`}
          >
            {LABELS[direction].text}
          </Button>
        );
      })}
      {position ? <span className="muted pagination-position">{position}</span> : null}
    </nav>
  );
}
