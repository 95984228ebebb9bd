import { type ReactNode, useId, useState } from 'react';
import { type TabItem, TabPanel, Tabs } from '../../ui';
import { InboundTool } from './InboundTool';
import { MessagesTool } from './MessagesTool';
import { WebhookInboxTool } from './WebhookInboxTool';
import './sandbox-tools.css';

const tabs = [
  { id: 'messages', label: 'Messages' },
  { id: 'inbox', label: 'Webhook inbox' },
  { id: 'inbound', label: 'Simulate inbound' },
] as const;
type TabId = (typeof tabs)[number]['id'];
const tabItems: readonly TabItem<TabId>[] = tabs.map((tab) => ({ ...tab, testId: `sandbox-tools-tab-${tab.id}` }));

/**
 * What the offline sandbox did with your requests: the mail it accepted, the
 * webhooks it (or a real Mailgun) posted to the app's own receiver, and what
 * the routes do with a message received. Tools stay mounted when hidden.
 */
export function SandboxToolsPanel() {
  const [active, setActive] = useState<TabId>('messages');
  const base = useId();
  const panel = (id: TabId, content: ReactNode) => (
    <TabPanel key={id} idPrefix={base} id={id} hidden={active !== id} className="st-panel-body" testId={`sandbox-tools-panel-${id}`}>
      {content}
    </TabPanel>
  );
  return (
    <section className="st-root" aria-label="Sandbox tools" data-testid="sandbox-tools">
      <header className="st-header">
        <h1 className="st-title">Sandbox tools</h1>
        <Tabs items={tabItems} selected={active} onSelect={setActive} label="Sandbox tools" idPrefix={base} className="st-tabs" />
      </header>
      {panel('messages', <MessagesTool visible={active === 'messages'} />)}
      {panel('inbox', <WebhookInboxTool visible={active === 'inbox'} />)}
      {panel('inbound', <InboundTool />)}
    </section>
  );
}
