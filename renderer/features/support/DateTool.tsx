import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { callSupport } from './support-client';

const formLabel = {
  rfc2822: 'RFC 2822',
  iso8601: 'ISO 8601',
  'epoch-seconds': 'epoch seconds',
  'epoch-milliseconds': 'epoch milliseconds',
} as const;

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="support-fact-row">
      <dt>{label}</dt>
      <dd>
        <code data-testid={testId}>{value}</code>{' '}
        <Button
          size="small"
          aria-label={`Copy ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </dd>
    </div>
  );
}

/** Converts between the date forms Events, Logs and scheduled sending take. Needs no environment. */
export function DateTool() {
  const [input, setInput] = useState('');
  const id = useId();
  const convert = useMutation({ mutationFn: (text: string) => callSupport('convertDate', { input: text }) });
  const result = convert.data;
  return (
    <section className="support-tool" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="support-tool-title">
        Date helper
      </h2>
      <p className="support-intro">
        Events and <code>o:deliverytime</code> take RFC 2822 with a numeric offset (or epoch seconds). Paste any form to get the others.
      </p>
      <form
        className="support-form support-form-inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (input.trim()) convert.mutate(input);
        }}
      >
        <label htmlFor={`${id}-input`}>Date</label>
        <input
          id={`${id}-input`}
          className="support-input support-mono"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="1718100000, 2024-06-11T10:00:00Z or Tue, 11 Jun 2024 10:00:00 +0000"
          data-testid="support-date-input"
        />
        <Button type="submit" variant="primary" disabled={!input.trim() || convert.isPending} data-testid="support-date-submit">
          Convert
        </Button>
        <Button onClick={() => setInput(String(Math.floor(Date.now() / 1000)))}>Now</Button>
      </form>
      {convert.isError ? <ErrorNotice error={toAppError(convert.error)} testId="support-date-error" /> : null}
      {result ? (
        <div className="support-result" data-testid="support-date-result">
          <p className="support-muted">Read as {formLabel[result.detected]}.</p>
          {result.warnings.length > 0 ? (
            <ul className="support-warnings" data-testid="support-date-warnings">
              {result.warnings.map((warning) => (
                <li key={warning}>
                  <span className="support-tag support-tag-warn">warning</span> {warning}
                </li>
              ))}
            </ul>
          ) : null}
          <dl className="support-facts">
            <Copyable label="RFC 2822 (UTC)" value={result.rfc2822} testId="support-date-rfc2822" />
            {result.rfc2822Original ? (
              <Copyable label="RFC 2822 (as given)" value={result.rfc2822Original} testId="support-date-rfc2822-original" />
            ) : null}
            <Copyable label="ISO 8601" value={result.iso8601} testId="support-date-iso" />
            <Copyable label="Epoch seconds" value={String(Math.floor(result.epochSeconds))} testId="support-date-epoch" />
          </dl>
        </div>
      ) : null}
    </section>
  );
}
