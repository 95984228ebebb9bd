import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { InboxVerdict } from '../../../shared/bridge/sandbox-tools';
import { queryKeys } from '../../app/query-keys';
import { call, toAppError } from '../../bridge/client';
import { Button, ErrorNotice, showToast } from '../../ui';
import { useActiveEnvironment } from '../workbench';
import { formatBytes, formatTime } from './format';
import { ScrollText } from './ScrollText';

const verdictLabel: Record<InboxVerdict, string> = {
  valid: 'verified',
  invalid: 'signature does not match',
  'api-key-used': 'signed with the API key',
  'no-signing-key': 'no signing key',
  malformed: 'signature malformed',
  unchecked: 'not checked',
  unreadable: 'not a webhook',
};

const verdictTone: Record<InboxVerdict, 'ok' | 'danger' | 'warn'> = {
  valid: 'ok',
  invalid: 'danger',
  'api-key-used': 'danger',
  malformed: 'danger',
  unreadable: 'danger',
  'no-signing-key': 'warn',
  unchecked: 'warn',
};

function Replay({ id }: { id: string }) {
  const [url, setUrl] = useState('');
  const field = useId();
  const replay = useMutation({ mutationFn: () => call('replayWebhookDelivery', { id, url }) });
  return (
    <form
      className="st-form st-form-inline"
      onSubmit={(event) => {
        event.preventDefault();
        if (url.trim()) replay.mutate();
      }}
    >
      <label htmlFor={field}>Replay to</label>
      <input
        id={field}
        className="st-input st-mono"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        placeholder="http://127.0.0.1:3000/webhooks"
        spellCheck={false}
        data-testid="webhook-inbox-replay-url"
      />
      <Button type="submit" disabled={!url.trim() || replay.isPending} data-testid="webhook-inbox-replay">
        {replay.isPending ? 'Replaying…' : 'Replay'}
      </Button>
      <span className="st-muted st-hint">
        Posts the exact body again to your own endpoint on this computer, to re-run its handler with a real delivery.
      </span>
      {replay.data ? (
        <div className="st-replay-result" role="status" data-testid="webhook-inbox-replay-result">
          <strong>
            {replay.data.status} {replay.data.statusText}
          </strong>{' '}
          in {replay.data.durationMs} ms
          {replay.data.bodyExcerpt ? (
            <ScrollText label="What your endpoint answered" short>
              {replay.data.bodyExcerpt}
            </ScrollText>
          ) : null}
        </div>
      ) : null}
      {replay.isError ? <ErrorNotice error={toAppError(replay.error)} testId="webhook-inbox-replay-error" /> : null}
    </form>
  );
}

function DeliveryDetail({ id, environmentId }: { id: string; environmentId: string | null }) {
  const detail = useQuery({
    queryKey: queryKeys.webhookInboxDelivery(id, environmentId),
    queryFn: () => call('getWebhookInboxDelivery', { id, ...(environmentId ? { environmentId } : {}) }),
  });
  if (detail.isError) return <ErrorNotice error={toAppError(detail.error)} />;
  const data = detail.data;
  if (!data) return null;
  return (
    <div className="st-delivery" data-testid="webhook-inbox-detail">
      <div className={`st-verdict st-verdict-${verdictTone[data.verdict]}`} role="status" data-testid="webhook-inbox-verdict">
        <strong>{verdictLabel[data.verdict]}.</strong> {data.verdictMessage}
        {data.check?.hint ? <div className="st-muted st-hint">{data.check.hint}</div> : null}
      </div>
      <Replay id={data.id} />
      <h3 className="st-subtitle">
        Body{' '}
        <span className="st-muted">
          ({formatBytes(data.size)}, {data.contentType || 'no content type'})
        </span>
      </h3>
      <ScrollText label="Webhook body as received" testId="webhook-inbox-body">
        {data.body}
      </ScrollText>
    </div>
  );
}

export function WebhookInboxTool({ visible }: { visible: boolean }) {
  const { environment } = useActiveEnvironment();
  const environmentId = environment?.id ?? null;
  const [selected, setSelected] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: queryKeys.webhookInbox(environmentId),
    queryFn: () => call('getWebhookInbox', environmentId ? { environmentId } : {}),
    refetchInterval: visible ? 1500 : false,
  });
  const clear = useMutation({
    mutationFn: () => call('clearWebhookInbox'),
    onSuccess: () => {
      setSelected(null);
      return queryClient.invalidateQueries({ queryKey: ['webhook-inbox'] });
    },
  });
  const url = inbox.data?.url;
  const deliveries = inbox.data?.deliveries ?? [];
  const current = selected ?? deliveries[0]?.id ?? null;
  return (
    <section className="st-tool" aria-label="Webhook inbox">
      <p className="st-intro">
        A receiver on this computer that lists what is posted to it. Paste its URL into a domain webhook in the sandbox (or point a real
        Mailgun webhook at it through a tunnel). It runs only while the app is open; signatures are checked with the webhook signing key of{' '}
        <strong>{environment?.name ?? 'no environment'}</strong>
        {environment && !environment.sandbox ? ' (saved in Support tools › Webhook signature)' : ''}.
      </p>
      <div className="st-form st-form-inline">
        <span>Inbox URL</span>
        <code className="st-url" data-testid="webhook-inbox-url">
          {url ?? 'starting…'}
        </code>
        <Button
          disabled={!url}
          onClick={() =>
            url &&
            void navigator.clipboard.writeText(url).then(
              () => showToast('Inbox URL copied', 'ok'),
              () => showToast('The clipboard refused the URL; select it and copy it yourself.', 'danger'),
            )
          }
          data-testid="webhook-inbox-copy"
        >
          Copy
        </Button>
        <Button disabled={deliveries.length === 0 || clear.isPending} onClick={() => clear.mutate()} data-testid="webhook-inbox-clear">
          Clear
        </Button>
      </div>
      {inbox.isError ? <ErrorNotice error={toAppError(inbox.error)} /> : null}
      {deliveries.length === 0 ? (
        <p className="st-empty" data-testid="webhook-inbox-empty">
          Nothing received yet.
        </p>
      ) : (
        <div className="st-inbox">
          <table className="st-table st-inbox-table" data-testid="webhook-inbox-list">
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Event</th>
                <th scope="col">Recipient</th>
                <th scope="col">Message id</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr
                  key={delivery.id}
                  className={delivery.id === current ? 'st-row-selected' : undefined}
                  data-testid="webhook-inbox-row"
                  data-event={delivery.event ?? ''}
                  data-verdict={delivery.verdict}
                >
                  <td>
                    <button
                      type="button"
                      className="st-link"
                      aria-pressed={delivery.id === current}
                      onClick={() => setSelected(delivery.id)}
                    >
                      {formatTime(delivery.receivedAt)}
                    </button>
                  </td>
                  <td>{delivery.event ?? '—'}</td>
                  <td className="st-break">{delivery.recipient ?? '—'}</td>
                  <td className="st-break">
                    <code>{delivery.messageId ?? '—'}</code>
                  </td>
                  <td>
                    <span className={`st-tag st-tag-${verdictTone[delivery.verdict]}`} title={delivery.verdictMessage}>
                      {verdictLabel[delivery.verdict]}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {current ? <DeliveryDetail key={current} id={current} environmentId={environmentId} /> : null}
        </div>
      )}
    </section>
  );
}
