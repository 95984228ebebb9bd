import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SandboxMessageDetail, SandboxMessageSummary } from '../../../shared/bridge/sandbox-tools';
import { queryKeys } from '../../app/query-keys';
import { call, toAppError } from '../../bridge/client';
import { Button, ErrorNotice, TabPanel, Tabs } from '../../ui';
import { formatBytes, formatTime } from './format';
import { ScrollText } from './ScrollText';

const partTabs = [
  { id: 'html', label: 'HTML' },
  { id: 'text', label: 'Text' },
  { id: 'headers', label: 'Headers' },
  { id: 'attachments', label: 'Attachments' },
  { id: 'mime', label: 'Raw MIME' },
] as const;
type PartId = (typeof partTabs)[number]['id'];

type Selection = Pick<SandboxMessageSummary, 'region' | 'domain' | 'key'>;

const sameMessage = (a: Selection | null, b: Selection) => a !== null && a.key === b.key && a.domain === b.domain && a.region === b.region;

function MessageParts({ message }: { message: SandboxMessageDetail }) {
  const [part, setPart] = useState<PartId>('html');
  const base = useId();
  const save = useMutation({
    mutationFn: (index: number) =>
      call('saveSandboxAttachment', { region: message.region, domain: message.domain, key: message.key, index }),
  });
  const items = partTabs.map((tab) => ({
    ...tab,
    label: tab.id === 'attachments' ? `Attachments (${message.attachments.length})` : tab.label,
    testId: `sandbox-message-tab-${tab.id}`,
  }));
  return (
    <div className="st-message" data-testid="sandbox-message">
      <dl className="st-message-head">
        <dt>Subject</dt>
        <dd data-testid="sandbox-message-subject">{message.subject || '(no subject)'}</dd>
        <dt>From</dt>
        <dd>{message.from}</dd>
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Message-Id</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
        {message.template ? (
          <>
            <dt>Template</dt>
            <dd>{message.template}, rendered with the message's variables</dd>
          </>
        ) : null}
      </dl>
      <Tabs items={items} selected={part} onSelect={setPart} label="Message parts" idPrefix={base} sharedPanel className="st-part-tabs" />
      <TabPanel idPrefix={base} id={part} shared className="st-part" testId={`sandbox-message-part-${part}`}>
        {part === 'html' ? (
          message.html === '' ? (
            <p className="st-empty">This message has no HTML part.</p>
          ) : (
            <>
              {/* Main serves the HTML as a document of its own whose policy allows the mail's styles and nothing
                  active; the empty sandbox keeps it from scripts, forms, popups and the app's origin besides. */}
              <iframe
                className="st-frame"
                title={`HTML of “${message.subject}”`}
                sandbox=""
                referrerPolicy="no-referrer"
                src={message.previewUrl}
                data-testid="sandbox-message-frame"
              />
              <p className="st-muted st-hint st-frame-note" data-testid="sandbox-message-frame-note">
                No scripts and no network in this preview: remote images stay empty, links do not open.
              </p>
            </>
          )
        ) : part === 'text' ? (
          message.text === '' ? (
            <p className="st-empty">This message has no text part.</p>
          ) : (
            <ScrollText label="Text part" testId="sandbox-message-text">
              {message.text}
            </ScrollText>
          )
        ) : part === 'headers' ? (
          <table className="st-table" data-testid="sandbox-message-headers">
            <thead>
              <tr>
                <th scope="col">Header</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {message.headers.length === 0 ? (
                <tr>
                  <td colSpan={2} className="st-empty">
                    No custom (h:) headers; the standard ones are in the raw MIME.
                  </td>
                </tr>
              ) : (
                message.headers.map(([name, value], index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat; the order is the message's.
                  <tr key={index}>
                    <td>
                      <code>{name}</code>
                    </td>
                    <td className="st-break">{value}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        ) : part === 'attachments' ? (
          message.attachments.length === 0 ? (
            <p className="st-empty">No attachments.</p>
          ) : (
            <>
              <ul className="st-files" data-testid="sandbox-message-attachments">
                {message.attachments.map((file) => (
                  <li key={file.index} className="st-file">
                    <span className="st-file-name">{file.name}</span>
                    <span className="st-muted">
                      {file.contentType} · {formatBytes(file.size)}
                    </span>
                    <Button
                      disabled={!file.kept || save.isPending}
                      title={file.kept ? undefined : 'Too large for the sandbox to keep; only its name and size were stored'}
                      onClick={() => save.mutate(file.index)}
                      data-testid={`sandbox-attachment-save-${file.index}`}
                    >
                      Save…
                    </Button>
                  </li>
                ))}
              </ul>
              {save.isError ? <ErrorNotice error={toAppError(save.error)} /> : null}
            </>
          )
        ) : (
          <ScrollText label="Raw MIME" testId="sandbox-message-mime">
            {message.mime}
          </ScrollText>
        )}
      </TabPanel>
    </div>
  );
}

export function MessagesTool({ visible }: { visible: boolean }) {
  const [selected, setSelected] = useState<Selection | null>(null);
  const list = useQuery({
    queryKey: queryKeys.sandboxMessages(),
    queryFn: () => call('listSandboxMessages'),
    // New mail arrives from the workbench or from outside the app (the sandbox answers scripts too).
    refetchInterval: visible ? 3000 : false,
  });
  const current = selected ?? list.data?.[0] ?? null;
  const detail = useQuery({
    queryKey: queryKeys.sandboxMessage(current?.region ?? '', current?.domain ?? '', current?.key ?? ''),
    queryFn: () => call('getSandboxMessage', { region: current?.region ?? 'us', domain: current?.domain ?? '', key: current?.key ?? '' }),
    enabled: current !== null,
  });
  return (
    <section className="st-tool st-messages" aria-label="Messages the sandbox accepted">
      <div className="st-message-list">
        <p className="st-intro">Every message the offline sandbox accepted, newest first. Nothing was sent to anyone.</p>
        {list.isError ? <ErrorNotice error={toAppError(list.error)} /> : null}
        {list.data?.length === 0 ? <p className="st-empty">No messages yet: send one from the workbench.</p> : null}
        <ul className="st-list" data-testid="sandbox-message-list">
          {list.data?.map((message) => (
            <li key={`${message.region}/${message.domain}/${message.key}`}>
              <button
                type="button"
                className="st-list-item"
                aria-pressed={current !== null && sameMessage(current, message)}
                onClick={() => setSelected(message)}
                data-testid="sandbox-message-item"
                data-message-id={message.messageId}
              >
                <span className="st-item-title">{message.subject || '(no subject)'}</span>
                <span className="st-muted st-item-line">
                  to {message.to} · {formatTime(message.storedAt)}
                </span>
                <span className="st-muted st-item-line">
                  {message.domain}
                  {message.attachmentCount > 0 ? ` · ${message.attachmentCount} file(s)` : ''}
                  {message.template ? ` · template ${message.template}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="st-message-view">
        {detail.isError ? <ErrorNotice error={toAppError(detail.error)} /> : null}
        {detail.data ? <MessageParts key={detail.data.key} message={detail.data} /> : null}
      </div>
    </section>
  );
}
