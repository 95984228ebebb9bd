import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { WebhookCheck } from '../../../shared/support/types';
import { queryKeys } from '../../app/query-keys';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import type { ToolProps } from './RecipientTool';
import { callSupport } from './support-client';

const verdictTone: Record<WebhookCheck['verdict'], string> = {
  valid: 'clear',
  invalid: 'blocked',
  'api-key-used': 'blocked',
  'no-signing-key': 'unknown',
  malformed: 'blocked',
};

const verdictTitle: Record<WebhookCheck['verdict'], string> = {
  valid: 'Signature valid',
  invalid: 'Signature does not match',
  'api-key-used': 'Signed with the API key',
  'no-signing-key': 'No signing key stored',
  malformed: 'Signature malformed',
};

function SigningKey({ environmentId }: { environmentId: string }) {
  const [key, setKey] = useState('');
  const id = useId();
  const queryClient = useQueryClient();
  const queryKey = queryKeys.webhookSigningKey(environmentId);
  const status = useQuery({ queryKey, queryFn: () => callSupport('hasWebhookSigningKey', { environmentId }) });
  const save = useMutation({
    mutationFn: () => callSupport('setWebhookSigningKey', { environmentId, key }),
    onSuccess: () => {
      setKey('');
      return queryClient.invalidateQueries({ queryKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => callSupport('deleteWebhookSigningKey', { environmentId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
  const hasKey = status.data?.hasKey === true;
  return (
    <form
      className="support-form support-form-inline"
      onSubmit={(event) => {
        event.preventDefault();
        if (key.trim()) save.mutate();
      }}
    >
      <label htmlFor={`${id}-key`}>Webhook signing key</label>
      <input
        id={`${id}-key`}
        className="support-input support-mono"
        type="password"
        autoComplete="off"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        placeholder={hasKey ? 'Stored in the keychain; type to replace' : 'Paste the HTTP webhook signing key'}
        data-testid="support-signing-key"
      />
      <Button type="submit" disabled={!key.trim() || save.isPending} data-testid="support-signing-key-save">
        Save
      </Button>
      {hasKey ? (
        <Button disabled={remove.isPending} onClick={() => remove.mutate()} data-testid="support-signing-key-delete">
          Forget
        </Button>
      ) : null}
      <span className={`support-tag support-tag-${hasKey ? 'ok' : 'warn'}`} data-testid="support-signing-key-status">
        {status.isPending ? 'checking…' : hasKey ? 'key stored' : 'no key'}
      </span>
      {save.isError ? <ErrorNotice error={toAppError(save.error)} testId="support-signing-key-error" /> : null}
      {status.isError ? <ErrorNotice error={toAppError(status.error)} /> : null}
    </form>
  );
}

export function WebhookTool({ environment }: Omit<ToolProps, 'onOpenRequest'>) {
  const [payload, setPayload] = useState('');
  const id = useId();
  const check = useMutation({ mutationFn: () => callSupport('checkWebhookSignature', { environmentId: environment.id, payload }) });
  const result = check.data;
  return (
    <section className="support-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-tool-title">
        Webhook signature check
      </h2>
      <p className="support-intro">
        Paste the body Mailgun posted to your endpoint. The signature is a hex HMAC-SHA256 of timestamp + token, keyed with the webhook
        signing key (not the API key).
      </p>
      <SigningKey environmentId={environment.id} />
      <form
        className="support-form"
        onSubmit={(event) => {
          event.preventDefault();
          check.mutate();
        }}
      >
        <label htmlFor={`${id}-payload`}>Webhook body</label>
        <textarea
          id={`${id}-payload`}
          className="support-input support-mono support-textarea"
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && payload.trim()) {
              e.preventDefault();
              check.mutate();
            }
          }}
          placeholder='{"signature": {"timestamp": "…", "token": "…", "signature": "…"}, "event-data": {…}}'
          spellCheck={false}
          data-testid="support-webhook-payload"
        />
        <Button type="submit" variant="primary" disabled={!payload.trim() || check.isPending} data-testid="support-webhook-submit">
          Check signature <kbd>Ctrl+Enter</kbd>
        </Button>
      </form>
      {check.isError ? <ErrorNotice error={toAppError(check.error)} testId="support-webhook-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-webhook-result" data-verdict={result.verdict}>
          <div
            className={`support-verdict support-verdict-${verdictTone[result.verdict]}`}
            role="status"
            data-testid="support-webhook-verdict"
          >
            <strong>{verdictTitle[result.verdict]}.</strong> {result.message}
            {result.hint ? <div className="support-hint">{result.hint}</div> : null}
          </div>
          <dl className="support-facts">
            <dt>Form</dt>
            <dd>{result.form === 'json' ? 'JSON (current)' : 'flat fields (legacy)'}</dd>
            <dt>Timestamp</dt>
            <dd data-testid="support-webhook-freshness">
              <code>{result.timestamp.value}</code> {result.timestamp.iso ?? 'not a time'}{' '}
              <span className={`support-tag support-tag-${result.timestamp.fresh ? 'ok' : 'warn'}`}>
                {result.timestamp.ageSeconds === null
                  ? 'unreadable'
                  : result.timestamp.fresh
                    ? 'fresh'
                    : result.timestamp.ageSeconds < 0
                      ? 'in the future'
                      : `${Math.round(result.timestamp.ageSeconds / 60)} min old`}
              </span>
            </dd>
            <dt>Token</dt>
            <dd>
              <code>{result.token}</code>
            </dd>
            {result.summary.event ? (
              <>
                <dt>Event</dt>
                <dd>
                  {result.summary.event}
                  {result.summary.severity ? ` (${result.summary.severity})` : ''}
                  {result.summary.reason ? `, reason ${result.summary.reason}` : ''}
                </dd>
              </>
            ) : null}
            {result.summary.recipient ? (
              <>
                <dt>Recipient</dt>
                <dd>{result.summary.recipient}</dd>
              </>
            ) : null}
            {result.summary.messageId ? (
              <>
                <dt>Message-Id</dt>
                <dd>
                  <code>{result.summary.messageId}</code>
                </dd>
              </>
            ) : null}
            {result.summary.smtp ? (
              <>
                <dt>SMTP answer</dt>
                <dd>
                  <code>{result.summary.smtp}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <ul className="support-notes">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
          {result.eventDataJson ? (
            <details className="support-calls">
              <summary>Event data</summary>
              <pre className="support-pre">{result.eventDataJson}</pre>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
