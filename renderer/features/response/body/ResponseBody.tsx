import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { StreamedBody } from '../../../../shared/bridge/body-stream';
import type { ResponseBody as Body, HttpHeaderList, ResponseNotice } from '../../../../shared/requests/types';
import { call, toAppError } from '../../../bridge/client';
import { Button, Tabs } from '../../../ui';
import type { ChunkedText } from '../chunked-text';
import { formatBytes } from '../format';
import { BodySearch, useDebounced } from './BodySearch';
import { bodyShape, isApiRootGreeting, isJsonType, suggestedFileName } from './body-kind';
import { HeadersTable } from './HeadersTable';
import { JsonTree } from './JsonTree';
import { RawView } from './RawView';
import { type MatchState, NO_MATCHES } from './search-types';
import { TableView } from './TableView';
import type { JsonDocument } from './use-json-document';

/** Everything the body area shows, whether the response is live or comes from history. */
export interface BodySource {
  readonly body: Body | StreamedBody | { readonly kind: 'none' };
  /** The text of a streamed body, growing while it arrives. */
  readonly streamed?: ChunkedText;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly status?: number;
  readonly headers: HttpHeaderList;
  readonly notice?: ResponseNotice;
  /** Only the start of the body was kept (history). */
  readonly truncated: boolean;
  /** The body was dropped from history to save space. */
  readonly evicted?: boolean;
  /** How main finds the full body when saving; null when it cannot be saved. */
  readonly saveTarget: { readonly historyId: string } | { readonly requestId: string } | null;
  /** Start of the suggested file name, e.g. the endpoint id. */
  readonly fileBase: string;
  /** A diagnosis panel already explains odd bodies such as the API-root greeting. */
  readonly diagnosed?: boolean;
}

type Tab = 'tree' | 'table' | 'raw' | 'body' | 'headers';

const TAB_LABELS: Readonly<Record<Tab, string>> = { tree: 'Tree', table: 'Table', raw: 'Raw', body: 'Body', headers: 'Headers' };

interface Note {
  readonly tone: 'info' | 'warn';
  readonly title: string;
  readonly detail?: string;
}

function notesFor(source: BodySource, document: JsonDocument, shape: ReturnType<typeof bodyShape>): Note[] {
  const notes: Note[] = [];
  if (source.notice) notes.push({ tone: 'warn', title: source.notice.message, detail: source.notice.hint });
  if (source.truncated) {
    notes.push({
      tone: 'info',
      title: 'History kept only the start of this body.',
      detail: 'It may not parse as JSON; send the request again for the whole body.',
    });
  }
  // A body that stopped arriving says why in the panel; whether its start parses does not matter.
  if (document.status === 'invalid' && !source.notice && !source.truncated && !source.streamed?.failure) {
    notes.push({ tone: 'warn', title: 'The body is not valid JSON, so it is shown as text.', detail: document.message });
  }
  if (!source.diagnosed && source.body.kind === 'text' && isApiRootGreeting(source.body.text)) {
    notes.push({
      tone: 'warn',
      title: 'This is the greeting Mailgun gives at its API root, not an endpoint’s answer.',
      detail: 'The path probably lacks a segment (for example the domain or /messages); check the request URL.',
    });
  }
  if (shape === 'html' && !source.notice && (source.status ?? 0) >= 400) {
    notes.push({
      tone: 'warn',
      title: 'The server answered with a web page instead of API data.',
      detail: 'A proxy or load balancer may have answered; the raw page is below.',
    });
  }
  if (shape === 'empty' && isJsonType(source.contentType) && !source.notice && source.status !== 204) {
    notes.push({ tone: 'info', title: 'The response is marked as JSON but has no body.' });
  }
  return notes;
}

function tabsFor(shape: ReturnType<typeof bodyShape>, document: JsonDocument): Tab[] {
  if (shape === 'json' && (document.status === 'ready' || document.status === 'parsing'))
    return document.status === 'ready' && document.info.table ? ['tree', 'table', 'raw', 'headers'] : ['tree', 'raw', 'headers'];
  if (shape === 'json' || shape === 'text' || shape === 'html') return ['raw', 'headers'];
  return ['body', 'headers'];
}

type Feedback = { readonly tone: 'ok' | 'error'; readonly text: string } | null;

export interface ResponseBodyProps {
  readonly source: BodySource;
  /** The parsed body, when it is JSON; see useJsonDocument. */
  readonly document: JsonDocument;
}

/** Tabs for the body (tree, table, raw) and headers, with search, copy and save. */
export function ResponseBody({ source, document }: ResponseBodyProps) {
  const shape = bodyShape(source.body, source.contentType);
  const tabs = tabsFor(shape, document);
  const [chosen, setChosen] = useState<Tab | null>(null);
  const tab = chosen !== null && tabs.includes(chosen) ? chosen : (tabs[0] as Tab);
  const [query, setQuery] = useState('');
  const settledQuery = useDebounced(query);
  const [matchIndex, setMatchIndex] = useState(0);
  const [matchState, setMatchState] = useState<MatchState>(NO_MATCHES);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const idPrefix = useId();
  const streamed = source.streamed;
  const hasText = source.body.kind === 'text' || (streamed?.complete === true && streamed.failure === null);
  // A streamed body becomes one string only when Raw or Copy needs it.
  const wholeText = () => (source.body.kind === 'text' ? source.body.text : (streamed?.toString() ?? ''));
  const searchable = tab === 'tree' || tab === 'table' || tab === 'raw';

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query or view starts again at the first match.
  useEffect(() => {
    setMatchIndex(0);
  }, [settledQuery, tab]);

  useEffect(() => {
    if (!feedback) return undefined;
    const timer = setTimeout(() => setFeedback(null), 4_000);
    return () => clearTimeout(timer);
  }, [feedback]);

  const onMatches = useCallback((state: MatchState) => setMatchState(state), []);
  const step = (delta: 1 | -1) => {
    if (matchState.count === 0) return;
    setMatchIndex((index) => (index + delta + matchState.count) % matchState.count);
  };

  const copy = useCallback((value: string, what: string) => {
    navigator.clipboard.writeText(value).then(
      () => setFeedback({ tone: 'ok', text: `${what} copied.` }),
      () => setFeedback({ tone: 'error', text: 'The clipboard refused the copy; select the text and copy it by hand.' }),
    );
  }, []);

  const save = () => {
    if (!source.saveTarget) return;
    const suggestedName = suggestedFileName(source.fileBase, source.status, source.contentType);
    call('saveResponseBody', { ...source.saveTarget, suggestedName }).then(
      (result) => {
        if (result.saved) setFeedback({ tone: 'ok', text: result.truncated ? 'Saved, but only the part history kept.' : 'Saved.' });
      },
      (error: unknown) => {
        const problem = toAppError(error);
        setFeedback({ tone: 'error', text: `${problem.message} ${problem.hint}`.trim() });
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'f' && searchable) {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    } else if ((event.key === 'F3' || (mod && event.key.toLowerCase() === 'g')) && searchable) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  const notes = notesFor(source, document, shape);
  // A body that stopped arriving was not kept whole, so there is nothing to save.
  const canSave = source.saveTarget !== null && source.body.kind !== 'empty' && source.body.kind !== 'none' && !streamed?.failure;
  const searchProps = { query: settledQuery, matchIndex, onMatches };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only scopes Ctrl+F and F3 to the body area.
    <div className="response-body" onKeyDown={onKeyDown} data-testid="response-body">
      <div className="body-toolbar">
        <Tabs
          items={tabs.map((name) => ({
            id: name,
            testId: `tab-${name}`,
            label: (
              <>
                {TAB_LABELS[name]}
                {name === 'headers' ? <span className="tab-count">{source.headers.length}</span> : null}
              </>
            ),
          }))}
          selected={tab}
          onSelect={setChosen}
          label="Response views"
          idPrefix={idPrefix}
          sharedPanel
          className="body-tabs"
        />
        <span className="toolbar-gap" />
        {searchable ? (
          <BodySearch ref={searchRef} value={query} onChange={setQuery} state={matchState} matchIndex={matchIndex} onStep={step} />
        ) : null}
        {hasText ? (
          <Button
            size="small"
            onClick={() => copy(wholeText(), 'Body')}
            data-testid="copy-body"
            title="Copy the whole body to the clipboard"
          >
            Copy
          </Button>
        ) : null}
        {canSave ? (
          <Button size="small" onClick={save} data-testid="save-body" title="Save the body to a file">
            Save…
          </Button>
        ) : null}
      </div>
      {feedback ? (
        <div className={`body-feedback ${feedback.tone}`} role="status" data-testid="body-feedback">
          {feedback.text}
        </div>
      ) : null}
      {notes.map((note) => (
        <div key={note.title} className={`body-note-banner ${note.tone}`} role="note" data-testid="body-note">
          <strong>{note.title}</strong>
          {note.detail ? <span> {note.detail}</span> : null}
        </div>
      ))}
      <div className="body-panel" role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${tab}`}>
        {tab === 'tree' ? (
          document.status === 'ready' ? (
            <JsonTree
              client={document.client}
              initialRows={document.info.rows}
              view={document.view}
              canExpandAll={document.info.canExpandAll}
              reading={!document.info.complete}
              onCopy={copy}
              {...searchProps}
            />
          ) : (
            <div className="body-note" role="status" data-testid="body-parsing">
              Reading {formatBytes(source.sizeBytes)} of JSON…
            </div>
          )
        ) : null}
        {tab === 'table' && document.status === 'ready' && document.info.table ? (
          <TableView client={document.client} table={document.info.table} {...searchProps} />
        ) : null}
        {tab === 'raw' && hasText ? <RawView text={wholeText()} {...searchProps} /> : null}
        {tab === 'raw' && streamed?.failure ? (
          <div className="body-note body-failed" role="alert" data-testid="body-stream-failed">
            <strong>The body stopped arriving, so none of it is shown.</strong> {streamed.failure}
          </div>
        ) : null}
        {tab === 'raw' && !hasText && streamed && !streamed.complete ? (
          <div className="body-note" role="status" data-testid="body-receiving">
            Receiving {formatBytes(source.sizeBytes)}…
          </div>
        ) : null}
        {tab === 'headers' ? <HeadersTable headers={source.headers} /> : null}
        {tab === 'body' ? <BodyPlaceholder source={source} canSave={canSave} onSave={save} /> : null}
      </div>
    </div>
  );
}

function BodyPlaceholder({ source, canSave, onSave }: { source: BodySource; canSave: boolean; onSave: () => void }) {
  if (source.body.kind === 'binary') {
    return (
      <div className="body-note binary-body" data-testid="binary-body">
        <p>
          <strong>Binary body</strong> · {source.contentType || 'no content type'} · {formatBytes(source.body.bytes.byteLength)}
        </p>
        <p className="muted">It cannot be shown as text. Save it to open it with another program.</p>
        {canSave ? (
          <Button variant="primary" onClick={onSave}>
            Save to file…
          </Button>
        ) : null}
      </div>
    );
  }
  if (source.body.kind === 'none') {
    return (
      <p className="body-note" data-testid="no-stored-body">
        {source.evicted ? 'History dropped this body to stay within its size limit.' : 'No body was stored for this entry.'}
      </p>
    );
  }
  return (
    <p className="body-note" data-testid="empty-body">
      The response has no body{source.status === 204 ? ' (204 means success with nothing to return).' : '.'}
    </p>
  );
}
