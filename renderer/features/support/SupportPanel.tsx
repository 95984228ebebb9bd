import { Fragment, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { CallValues } from '../../../shared/support/types';
import { ErrorNotice, IconButton, type TabItem, TabPanel, Tabs, tabId } from '../../ui';
import { BulkCheckTool } from '../bulk-check';
import { currentInvestigation, type Investigation, investigateStore, useInvestigateState } from '../investigate';
import { LiveTailTool } from '../live-tail';
import { DateTool } from './DateTool';
import { DomainHealthTool } from './DomainHealthTool';
import { RecipientTool } from './RecipientTool';
import { RegionTool } from './RegionTool';
import { TraceTool } from './TraceTool';
import { type Incoming, useIncoming } from './use-incoming';
import { useSupportEnvironment } from './use-support-environment';
import { WebhookTool } from './WebhookTool';
import './support.css';

export interface SupportPanelProps {
  /** Opens a request the tools made in the workbench, with its values filled in. */
  readonly onOpenRequest: (endpointId: string, values: CallValues) => void;
  /** Defaults to the active environment. */
  readonly environmentId?: string;
}

const tabs = [
  { id: 'recipient', label: 'Recipient' },
  { id: 'trace', label: 'Message trace' },
  { id: 'health', label: 'Domain health' },
  { id: 'region', label: 'Region' },
  { id: 'webhook', label: 'Webhook signature' },
  { id: 'tail', label: 'Live tail' },
  { id: 'bulk', label: 'Bulk check' },
  { id: 'dates', label: 'Dates' },
] as const;
type TabId = (typeof tabs)[number]['id'];
const tabItems: readonly TabItem<TabId>[] = tabs.map((tab, index) => ({
  ...tab,
  title: `Alt+${index + 1}`,
  testId: `support-tab-${tab.id}`,
}));

/**
 * The support toolkit: six tools for the questions support staff get most,
 * each showing the requests it made. Tools stay mounted when hidden so a
 * result survives a look at another tab.
 */
function trailLabel(entry: Investigation): string {
  const what = entry.address ?? entry.messageId ?? entry.domain ?? '';
  return `${entry.tool === 'recipient' ? 'Recipient' : entry.tool === 'trace' ? 'Trace' : 'Domain health'}: ${what}`;
}

export function SupportPanel({ onOpenRequest, environmentId }: SupportPanelProps) {
  const [active, setActive] = useState<TabId>('recipient');
  const trail = useInvestigateState();
  const current = currentInvestigation(trail);
  const incoming = current === null ? undefined : { seq: trail.seq, value: current };
  // An investigation asked for anywhere in the app (or a step back or forward along the trail) opens its tool.
  useIncoming('panel', incoming, (entry) => setActive(entry.tool));
  const handTo = <T,>(tool: Investigation['tool'], pick: (entry: Investigation) => T): Incoming<T> | undefined =>
    current !== null && current.tool === tool ? { seq: trail.seq, value: pick(current) } : undefined;
  const { environment, isPending, error } = useSupportEnvironment(environmentId);
  const rootRef = useRef<HTMLElement>(null);
  const base = useId();

  function select(id: TabId, focus: boolean) {
    setActive(id);
    if (focus) document.getElementById(tabId(base, id))?.focus();
  }

  function onRootKey(event: KeyboardEvent<HTMLElement>) {
    // Alt+1…6 jumps straight to a tool from anywhere in the panel; Alt+Left/Right walk the trail.
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      if (event.key === 'ArrowLeft') investigateStore.back();
      else investigateStore.forward();
      return;
    }
    const tab = tabs[Number(event.key) - 1];
    if (tab) {
      event.preventDefault();
      select(tab.id, true);
    }
  }

  const needsEnvironment = active !== 'dates';
  const panel = (id: TabId, content: ReactNode) => (
    <TabPanel key={id} idPrefix={base} id={id} hidden={active !== id} className="support-panel-body" testId={`support-panel-${id}`}>
      {content}
    </TabPanel>
  );

  return (
    <section ref={rootRef} className="support-root" aria-label="Support toolkit" data-testid="support-panel" onKeyDown={onRootKey}>
      <header className="support-header">
        <h1 className="support-title">Support toolkit</h1>
        {environment ? (
          <span className="support-env" data-testid="support-environment">
            {environment.name}
            {environment.domain ? <span className="support-muted"> · {environment.domain}</span> : null}
            {environment.readOnly ? (
              <span
                className="support-tag support-tag-warn"
                data-testid="support-read-only"
                title="Tools read data but never change it here"
              >
                read-only
              </span>
            ) : null}
          </span>
        ) : null}
        <nav className="support-trail" aria-label="Investigation trail">
          <IconButton
            label="Back (Alt+Left)"
            disabled={trail.index <= 0}
            onClick={() => investigateStore.back()}
            data-testid="support-trail-back"
          >
            <span aria-hidden="true">←</span>
          </IconButton>
          <IconButton
            label="Forward (Alt+Right)"
            disabled={trail.index >= trail.trail.length - 1}
            onClick={() => investigateStore.forward()}
            data-testid="support-trail-forward"
          >
            <span aria-hidden="true">→</span>
          </IconButton>
          {current ? (
            <span className="support-muted support-trail-current" data-testid="support-trail-current">
              {trailLabel(current)} ({trail.index + 1} of {trail.trail.length})
            </span>
          ) : null}
        </nav>
      </header>
      <Tabs
        items={tabItems}
        selected={active}
        onSelect={(id) => select(id, false)}
        label="Support tools"
        idPrefix={base}
        cycleWithin={rootRef}
        wrap
        className="support-tabs"
      />
      {error ? <ErrorNotice error={error} testId="support-environment-error" /> : null}
      {needsEnvironment && !environment ? (
        <p className="support-empty" data-testid="support-no-environment">
          {isPending ? 'Loading environments…' : 'Choose or add an environment first; these tools ask Mailgun on its behalf.'}
        </p>
      ) : null}
      {environment ? (
        // Keyed by environment so switching environments starts every tool afresh.
        <Fragment key={environment.id}>
          {[
            panel(
              'recipient',
              <RecipientTool
                environment={environment}
                onOpenRequest={onOpenRequest}
                incoming={handTo('recipient', (e) => ({ address: e.address ?? '', domain: e.domain ?? '' }))}
              />,
            ),
            panel(
              'trace',
              <TraceTool
                environment={environment}
                onOpenRequest={onOpenRequest}
                incoming={handTo('trace', (e) => ({ messageId: e.messageId ?? '', recipient: e.address ?? '', domain: e.domain ?? '' }))}
              />,
            ),
            panel(
              'health',
              <DomainHealthTool
                environment={environment}
                onOpenRequest={onOpenRequest}
                incoming={handTo('health', (e) => e.domain ?? '')}
              />,
            ),
            panel('region', <RegionTool environment={environment} onOpenRequest={onOpenRequest} />),
            panel('webhook', <WebhookTool environment={environment} />),
            panel('tail', <LiveTailTool environment={environment} />),
            panel('bulk', <BulkCheckTool environment={environment} />),
          ]}
        </Fragment>
      ) : null}
      {panel('dates', <DateTool />)}
    </section>
  );
}
