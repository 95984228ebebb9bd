import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import type {
  CallValues,
  Listing,
  RecipientBlock,
  RecipientDomainCheck,
  RecipientLookup,
  RecipientMessage,
  ReleaseResult,
  SearchScope,
} from '../../../shared/support/types';
import { toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice } from '../../ui';
import { investigate, ValueMenu } from '../investigate';
import { CallList } from './CallList';
import { ExportButtons } from './ExportButtons';
import { GapList } from './GapList';
import { RunningNotice } from './RunningNotice';
import { callSupport, useSupportOperation } from './support-client';
import { Timeline } from './Timeline';
import { type Incoming, useIncoming } from './use-incoming';

export interface ToolProps {
  readonly environment: Environment;
  readonly onOpenRequest: (endpointId: string, values: CallValues) => void;
}

const periods = [1, 7, 30, 90] as const;

function scopeText(scope: SearchScope): string {
  return `${scope.regionLabel}${scope.subaccountName ? ` · ${scope.subaccountName}` : ''}`;
}

const outcomeTone: Record<RecipientMessage['outcome'], string> = {
  delivered: 'ok',
  failed: 'danger',
  retrying: 'warn',
  accepted: 'info',
};

function MessagesTable({ messages }: { messages: readonly RecipientMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <table className="support-table" data-testid="support-recipient-messages">
      <caption className="support-caption">Messages sent to the address, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Last event</th>
          <th scope="col">Outcome</th>
          <th scope="col">Subject</th>
          <th scope="col">Domain</th>
          <th scope="col">Remote server said</th>
          <th scope="col">
            <span className="visually-hidden">Trace</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.messageId} data-testid="support-recipient-message" data-outcome={m.outcome}>
            <td className="support-mono">{m.lastIso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</td>
            <td>
              <span className={`support-tag support-tag-${outcomeTone[m.outcome]}`}>{m.outcome}</span>
            </td>
            <td>{m.subject}</td>
            <td>
              <ValueMenu value={m.domain} focusable>
                {m.domain}
              </ValueMenu>{' '}
              <span className="support-muted">({scopeText(m.scope)})</span>
            </td>
            <td className="support-mono">{m.smtp || m.reason || ''}</td>
            <td>
              <Button
                size="small"
                onClick={() => investigate({ tool: 'trace', messageId: m.messageId, domain: m.domain })}
                data-testid="support-recipient-trace"
              >
                Trace
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const listLabel: Record<RecipientBlock['list'], string> = {
  bounces: 'bounce list',
  complaints: 'complaint list',
  unsubscribes: 'unsubscribe list',
};

function ListingCell<T>({ listing, show }: { listing: Listing<T>; show: (entry: T) => string }) {
  if (listing.state === 'unknown') return <span className="support-tag support-tag-warn">could not read</span>;
  if (listing.state === 'absent') return <span className="support-muted">no</span>;
  return <span className="support-tag support-tag-danger">{show(listing.entry)}</span>;
}

function DomainRow({ check }: { check: RecipientDomainCheck }) {
  return (
    <tr data-testid="support-recipient-domain">
      <th scope="row">
        <ValueMenu value={check.domain} focusable>
          {check.domain}
        </ValueMenu>
      </th>
      <td>{scopeText(check.scope)}</td>
      <td>
        <ListingCell listing={check.bounce} show={(b) => `yes${b.code ? ` (${b.code})` : ''}`} />
      </td>
      <td>
        <ListingCell listing={check.complaint} show={() => 'yes'} />
      </td>
      <td>
        <ListingCell listing={check.unsubscribe} show={(u) => (u.tags.includes('*') ? 'all mail' : `tags: ${u.tags.join(', ')}`)} />
      </td>
      <td>
        {check.allowlist.state === 'listed' ? (
          <span className="support-tag support-tag-ok">allowed ({check.allowlist.entry.type})</span>
        ) : (
          <ListingCell listing={check.allowlist} show={() => ''} />
        )}
      </td>
    </tr>
  );
}

export function RecipientTool({
  environment,
  onOpenRequest,
  incoming,
}: ToolProps & { readonly incoming?: Incoming<{ address: string; domain: string }> | undefined }) {
  const [address, setAddress] = useState('');
  const [domain, setDomain] = useState('');
  const [days, setDays] = useState<number>(30);
  const [pending, setPending] = useState<RecipientBlock | null>(null);
  const [released, setReleased] = useState<ReleaseResult[]>([]);
  const addressId = useId();
  const domainId = useId();

  const operation = useSupportOperation();
  const lookup = useMutation({
    mutationFn: (arg: { address: string; domain: string; days: number }) =>
      callSupport('lookupRecipient', {
        environmentId: environment.id,
        address: arg.address,
        ...(arg.domain ? { domain: arg.domain } : {}),
        days: arg.days,
        operationId: operation.next(),
      }),
  });
  const start = (arg: { address: string; domain: string; days: number }) => {
    setReleased([]);
    release.reset();
    lookup.mutate(arg);
  };
  useIncoming('recipient', incoming, (value) => {
    setAddress(value.address);
    setDomain(value.domain);
    start({ ...value, days });
  });
  const release = useMutation({
    mutationFn: (block: RecipientBlock) =>
      callSupport('releaseRecipient', {
        environmentId: environment.id,
        domain: block.domain,
        list: block.list,
        address: lookup.data?.address ?? address,
        ...(block.scope.region ? { region: block.scope.region } : {}),
        ...(block.scope.subaccountId ? { subaccountId: block.scope.subaccountId } : {}),
        confirmed: true,
      }),
    onSuccess: (result) => {
      setReleased((list) => [...list, result]);
      if (lookup.variables) lookup.mutate(lookup.variables);
    },
  });

  const result: RecipientLookup | undefined = lookup.data;
  return (
    <section className="support-tool" aria-labelledby={`${addressId}-title`}>
      <h2 id={`${addressId}-title`} className="support-tool-title">
        Recipient verdict
      </h2>
      <p className="support-intro">
        Why is mail to this address not arriving? Checks the suppression lists and the allowlist on every domain of the account in both
        regions (and its subaccounts), reads what was sent to the address, and looks for similar addresses that did get mail.
      </p>
      <form
        className="support-form"
        onSubmit={(event) => {
          event.preventDefault();
          // Through the trail, so a check typed here can be gone back to like one asked for from elsewhere.
          investigate({ tool: 'recipient', address: address.trim(), ...(domain.trim() ? { domain: domain.trim() } : {}) });
        }}
      >
        <label htmlFor={addressId}>Email address</label>
        <input
          id={addressId}
          className="support-input"
          type="email"
          required
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="alice@example.com"
          data-testid="support-recipient-address"
        />
        <label htmlFor={domainId}>Domain (optional)</label>
        <input
          id={domainId}
          className="support-input"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          placeholder="every domain, both regions"
          data-testid="support-recipient-domain-input"
        />
        <label htmlFor={`${addressId}-days`}>Sent in the last</label>
        <select
          id={`${addressId}-days`}
          className="support-input"
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
          data-testid="support-recipient-days"
        >
          {periods.map((n) => (
            <option key={n} value={n}>
              {n === 1 ? '1 day' : `${n} days`}
            </option>
          ))}
        </select>
        <Button type="submit" variant="primary" disabled={lookup.isPending} data-testid="support-recipient-submit">
          {lookup.isPending ? 'Checking…' : 'Check'}
        </Button>
      </form>

      {lookup.isPending ? (
        <RunningNotice label="Checking every domain in both regions…" onCancel={operation.cancel} testId="support-recipient-cancel" />
      ) : null}
      {lookup.isError ? <ErrorNotice error={toAppError(lookup.error)} testId="support-recipient-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-recipient-result" data-verdict={result.verdict}>
          <p className={`support-verdict support-verdict-${result.verdict}`} role="status" data-testid="support-recipient-verdict">
            {result.message}
          </p>
          {result.similar.length > 0 && result.messages.length === 0 ? (
            <ul className="support-similar" aria-label="Similar addresses that got mail">
              {result.similar.map((s) => (
                <li key={s.address} data-testid="support-similar">
                  <ValueMenu value={s.address} focusable>
                    {s.address}
                  </ValueMenu>{' '}
                  <span className="support-muted">
                    {s.delivered} delivered · {s.why === 'other-domain' ? 'same mailbox, other domain' : 'a typo away'}
                  </span>{' '}
                  <Button
                    size="small"
                    onClick={() => investigate({ tool: 'recipient', address: s.address })}
                    data-testid="support-similar-open"
                  >
                    Check this address
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {released.map((r) => (
            <p
              key={r.call.historyId ?? r.message}
              className="support-verdict support-verdict-clear"
              role="status"
              data-testid="support-release-message"
            >
              {r.message}
            </p>
          ))}
          {release.isError ? <ErrorNotice error={toAppError(release.error)} testId="support-release-error" /> : null}
          {result.blocks.length > 0 ? (
            <ul className="support-blocks">
              {result.blocks.map((block) => (
                <li key={`${block.domain}-${block.list}`} className="support-block" data-testid="support-block" data-list={block.list}>
                  <span>
                    <strong>{block.domain}</strong> <span className="support-muted">({scopeText(block.scope)})</span>: {block.summary}
                    {block.effective ? '' : ' (overridden by the allowlist)'}
                  </span>
                  {block.canRelease ? (
                    <Button variant="danger" disabled={release.isPending} data-testid="support-release" onClick={() => setPending(block)}>
                      Remove from {listLabel[block.list]}
                    </Button>
                  ) : (
                    <span className="support-muted" data-testid="support-release-readonly">
                      Read-only environment: cannot remove
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          <table className="support-table">
            <caption className="support-caption">
              Lists per domain · searched:{' '}
              {result.searched
                .map(
                  (s) =>
                    `${scopeText(s.scope)} (${s.domains} ${s.domains === 1 ? 'domain' : 'domains'}, ${s.source === 'none' ? 'no history' : `${s.source === 'logs' ? 'Logs' : 'Events'} API`})`,
                )
                .join(', ')}
            </caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Region</th>
                <th scope="col">Bounced</th>
                <th scope="col">Complained</th>
                <th scope="col">Unsubscribed</th>
                <th scope="col">Allowlist</th>
              </tr>
            </thead>
            <tbody>
              {result.domains.map((check) => (
                <DomainRow key={`${check.scope.region}-${check.scope.subaccountId}-${check.domain}`} check={check} />
              ))}
            </tbody>
          </table>
          <MessagesTable messages={result.messages} />
          <h3 className="support-subtitle">
            Events for {result.address} in the last {result.periodDays === 1 ? 'day' : `${result.periodDays} days`}
          </h3>
          <Timeline events={result.events} showMessage />
          <GapList gaps={result.gaps} />
          <ExportButtons environmentId={environment.id} reportId={result.reportId} testId="support-recipient-export" />
          <CallList calls={[...result.calls, ...released.map((r) => r.call)]} onOpenRequest={onOpenRequest} />
        </div>
      ) : null}
      {pending ? (
        <ConfirmDialog
          testId="support-confirm"
          title={`Remove from the ${listLabel[pending.list]}?`}
          confirmLabel="Remove"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            release.mutate(pending);
            setPending(null);
          }}
        >
          <p>
            {result?.address} will be taken off the {listLabel[pending.list]} of <strong>{pending.domain}</strong> (
            {scopeText(pending.scope)}) in “{environment.name}”, so Mailgun tries to deliver to it again.
            {pending.list === 'complaints' ? ' The recipient marked mail as spam; sending again can harm your reputation.' : ''}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
