import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Environment } from '../../../shared/environments/types';
import type {
  CallValues,
  Listing,
  RecipientBlock,
  RecipientDomainCheck,
  RecipientLookup,
  ReleaseResult,
} from '../../../shared/support/types';
import { toAppError } from '../../bridge/client';
import { Button, ConfirmDialog, ErrorNotice } from '../../ui';
import { CallList } from './CallList';
import { GapList } from './GapList';
import { RunningNotice } from './RunningNotice';
import { callSupport, useSupportOperation } from './support-client';
import { Timeline } from './Timeline';

export interface ToolProps {
  readonly environment: Environment;
  readonly onOpenRequest: (endpointId: string, values: CallValues) => void;
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
      <th scope="row">{check.domain}</th>
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

export function RecipientTool({ environment, onOpenRequest }: ToolProps) {
  const [address, setAddress] = useState('');
  const [domain, setDomain] = useState('');
  const [pending, setPending] = useState<RecipientBlock | null>(null);
  const [released, setReleased] = useState<ReleaseResult[]>([]);
  const addressId = useId();
  const domainId = useId();

  const operation = useSupportOperation();
  const lookup = useMutation({
    mutationFn: (arg: { address: string; domain: string }) =>
      callSupport('lookupRecipient', {
        environmentId: environment.id,
        address: arg.address,
        ...(arg.domain ? { domain: arg.domain } : {}),
        operationId: operation.next(),
      }),
  });
  const release = useMutation({
    mutationFn: (block: RecipientBlock) =>
      callSupport('releaseRecipient', {
        environmentId: environment.id,
        domain: block.domain,
        list: block.list,
        address: lookup.data?.address ?? address,
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
        Recipient lookup
      </h2>
      <p className="support-intro">
        Is mail to this address suppressed? Checks the bounce, complaint and unsubscribe lists and the allowlist on every domain of the
        environment.
      </p>
      <form
        className="support-form"
        onSubmit={(event) => {
          event.preventDefault();
          setReleased([]);
          release.reset();
          lookup.mutate({ address: address.trim(), domain: domain.trim() });
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
          placeholder="all domains of the environment"
          data-testid="support-recipient-domain-input"
        />
        <Button type="submit" variant="primary" disabled={lookup.isPending} data-testid="support-recipient-submit">
          {lookup.isPending ? 'Looking up…' : 'Look up'}
        </Button>
      </form>

      {lookup.isPending ? (
        <RunningNotice label="Checking the lists…" onCancel={operation.cancel} testId="support-recipient-cancel" />
      ) : null}
      {lookup.isError ? <ErrorNotice error={toAppError(lookup.error)} testId="support-recipient-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-recipient-result" data-verdict={result.verdict}>
          <p className={`support-verdict support-verdict-${result.verdict}`} role="status" data-testid="support-recipient-verdict">
            {result.message}
          </p>
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
                    <strong>{block.domain}</strong>: {block.summary}
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
            <caption className="support-caption">Lists per domain</caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Bounced</th>
                <th scope="col">Complained</th>
                <th scope="col">Unsubscribed</th>
                <th scope="col">Allowlist</th>
              </tr>
            </thead>
            <tbody>
              {result.domains.map((check) => (
                <DomainRow key={check.domain} check={check} />
              ))}
            </tbody>
          </table>
          <h3 className="support-subtitle">Recent events for {result.address}</h3>
          <Timeline events={result.events} showMessage />
          <GapList gaps={result.gaps} />
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
            {result?.address} will be taken off the {listLabel[pending.list]} of <strong>{pending.domain}</strong> in “{environment.name}”,
            so Mailgun tries to deliver to it again.
            {pending.list === 'complaints' ? ' The recipient marked mail as spam; sending again can harm your reputation.' : ''}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
