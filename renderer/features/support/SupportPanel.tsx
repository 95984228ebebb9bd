import { Fragment, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import type { CallValues } from '../../../shared/support/types';
import { ErrorNotice, type TabItem, TabPanel, Tabs, tabId } from '../../ui';
import { BulkCheckTool } from '../bulk-check';
import { LiveTailTool } from '../live-tail';
import { DateTool } from './DateTool';
import { DomainHealthTool } from './DomainHealthTool';
import { RecipientTool } from './RecipientTool';
import { RegionTool } from './RegionTool';
import { TraceTool } from './TraceTool';
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
export function SupportPanel({ onOpenRequest, environmentId }: SupportPanelProps) {
  const [active, setActive] = useState<TabId>('recipient');
  const { environment, isPending, error } = useSupportEnvironment(environmentId);
  const rootRef = useRef<HTMLElement>(null);
  const base = useId();

  function select(id: TabId, focus: boolean) {
    setActive(id);
    if (focus) document.getElementById(tabId(base, id))?.focus();
  }

  function onRootKey(event: KeyboardEvent<HTMLElement>) {
    // Alt+1…6 jumps straight to a tool from anywhere in the panel.
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
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
      </header>
      <Tabs
        items={tabItems}
        selected={active}
        onSelect={(id) => select(id, false)}
        label="Support tools"
        idPrefix={base}
        cycleWithin={rootRef}
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
            panel('recipient', <RecipientTool environment={environment} onOpenRequest={onOpenRequest} />),
            panel('trace', <TraceTool environment={environment} onOpenRequest={onOpenRequest} />),
            panel('health', <DomainHealthTool environment={environment} onOpenRequest={onOpenRequest} />),
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
