import { useEffect, useId, useState } from 'react';
import type { RequestValues } from '../../../shared/request';
import type { SnippetLanguage } from '../../../shared/snippets/languages';
import { toAppError } from '../../bridge/client';
import { Button, Dialog, ErrorNotice, TabPanel, Tabs } from '../../ui';
import { useRevealSnippet, useSnippets } from './use-snippets';
import './snippets.css';

export interface CodeTabProps {
  readonly environmentId: string;
  readonly endpointId: string;
  readonly values: RequestValues;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The current request as code in several languages. The key appears as an
 * environment variable; showing the real one takes an explicit, confirmed
 * reveal, and the revealed text is dropped on any change.
 */
export function CodeTab({ environmentId, endpointId, values }: CodeTabProps) {
  const snippets = useSnippets({ environmentId, endpointId, values });
  const reveal = useRevealSnippet();
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [confirming, setConfirming] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const tabsId = useId();
  const resetReveal = reveal.reset;

  const valuesKey = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revealed key must go whenever what it was made for changes.
  useEffect(() => {
    resetReveal();
    setCopy('idle');
  }, [environmentId, endpointId, valuesKey, language, resetReveal]);
  useEffect(() => () => resetReveal(), [resetReveal]);

  const available = snippets.data ?? [];
  const current = available.find((s) => s.language === language) ?? available[0];
  const revealed = reveal.data && reveal.variables?.language === current?.language ? reveal.data.code : null;
  const code = revealed ?? current?.code ?? '';

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  if (snippets.isPending) {
    return (
      <p className="snip-empty muted" role="status" data-testid="snippets-loading">
        Generating code…
      </p>
    );
  }
  if (snippets.isError && available.length === 0) {
    return (
      <div className="snip-root" data-testid="snippets">
        <ErrorNotice error={toAppError(snippets.error)} testId="snippets-error" />
      </div>
    );
  }

  return (
    <div className="snip-root" data-testid="snippets">
      <Tabs
        items={available.map((snippet) => ({ id: snippet.language, label: snippet.label, testId: `snippet-tab-${snippet.language}` }))}
        selected={current?.language ?? language}
        onSelect={setLanguage}
        label="Language"
        idPrefix={tabsId}
        sharedPanel
        className="snip-tabs"
      />
      {snippets.isError ? <ErrorNotice error={toAppError(snippets.error)} testId="snippets-error" /> : null}
      <TabPanel idPrefix={tabsId} id={current?.language ?? language} shared className="snip-panel">
        <div className="snip-toolbar">
          <span className="snip-note muted" data-testid="snippet-key-note">
            {revealed
              ? 'The API key is visible in this snippet. Do not share or commit it.'
              : 'Reads the key from the MAILGUN_API_KEY environment variable.'}
          </span>
          <span className="snip-actions">
            <span className="snip-copy-status" role="status" data-testid="snippet-copy-status">
              {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Could not copy' : ''}
            </span>
            {revealed ? (
              <Button size="small" data-testid="snippet-hide-key" onClick={() => reveal.reset()}>
                Hide key
              </Button>
            ) : (
              <Button
                size="small"
                data-testid="snippet-reveal-key"
                disabled={!current || reveal.isPending}
                onClick={() => setConfirming(true)}
              >
                {reveal.isPending ? 'Revealing…' : 'Reveal key'}
              </Button>
            )}
            <Button variant="primary" size="small" data-testid="snippet-copy" disabled={code === ''} onClick={copyCode}>
              Copy
            </Button>
          </span>
        </div>
        {reveal.isError ? <ErrorNotice error={toAppError(reveal.error)} testId="snippet-reveal-error" /> : null}
        <pre className={`snip-code${revealed ? ' snip-code-revealed' : ''}`} data-testid="snippet-code" data-language={current?.language}>
          <code>{code}</code>
        </pre>
      </TabPanel>
      {confirming && current ? (
        <Dialog
          size="small"
          title="Show the API key in this snippet?"
          role="alertdialog"
          testId="snippet-reveal-dialog"
          onClose={() => setConfirming(false)}
          actions={
            <>
              <Button data-autofocus data-testid="snippet-reveal-cancel" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                variant="danger"
                data-testid="snippet-reveal-confirm"
                onClick={() => {
                  setConfirming(false);
                  reveal.mutate({ environmentId, endpointId, values, language: current.language });
                }}
              >
                Show key
              </Button>
            </>
          }
        >
          <p>
            The {current.label} snippet will contain this environment’s real API key. Anyone who sees the screen or the copied text can use
            it. It is not saved anywhere and disappears when you change the request.
          </p>
        </Dialog>
      ) : null}
    </div>
  );
}
