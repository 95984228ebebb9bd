import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { RequestValues } from '../../../shared/request';
import type { SnippetLanguage } from '../../../shared/snippets/languages';
import { toAppError } from '../../bridge/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SimpleDialog } from '../../components/SimpleDialog';
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
  const tabRefs = useRef(new Map<SnippetLanguage, HTMLButtonElement>());
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

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = available.findIndex((s) => s.language === current?.language);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % available.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + available.length) % available.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = available.length - 1;
    const target = available[next];
    if (!target) return;
    event.preventDefault();
    setLanguage(target.language);
    tabRefs.current.get(target.language)?.focus();
  };

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
      <div className="snip-tabs" role="tablist" aria-label="Language">
        {available.map((snippet) => {
          const selected = snippet.language === current?.language;
          return (
            <button
              key={snippet.language}
              ref={(element) => {
                if (element) tabRefs.current.set(snippet.language, element);
                else tabRefs.current.delete(snippet.language);
              }}
              type="button"
              role="tab"
              id={`${tabsId}-${snippet.language}`}
              aria-selected={selected}
              aria-controls={`${tabsId}-panel`}
              tabIndex={selected ? 0 : -1}
              className="snip-tab"
              data-testid={`snippet-tab-${snippet.language}`}
              onClick={() => setLanguage(snippet.language)}
              onKeyDown={onTabKey}
            >
              {snippet.label}
            </button>
          );
        })}
      </div>
      {snippets.isError ? <ErrorNotice error={toAppError(snippets.error)} testId="snippets-error" /> : null}
      <div
        id={`${tabsId}-panel`}
        role="tabpanel"
        aria-labelledby={current ? `${tabsId}-${current.language}` : undefined}
        className="snip-panel"
      >
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
              <button type="button" className="sd-button sd-button-small" data-testid="snippet-hide-key" onClick={() => reveal.reset()}>
                Hide key
              </button>
            ) : (
              <button
                type="button"
                className="sd-button sd-button-small"
                data-testid="snippet-reveal-key"
                disabled={!current || reveal.isPending}
                onClick={() => setConfirming(true)}
              >
                {reveal.isPending ? 'Revealing…' : 'Reveal key'}
              </button>
            )}
            <button
              type="button"
              className="sd-button sd-button-small sd-button-primary"
              data-testid="snippet-copy"
              disabled={code === ''}
              onClick={copyCode}
            >
              Copy
            </button>
          </span>
        </div>
        {reveal.isError ? <ErrorNotice error={toAppError(reveal.error)} testId="snippet-reveal-error" /> : null}
        <pre className={`snip-code${revealed ? ' snip-code-revealed' : ''}`} data-testid="snippet-code" data-language={current?.language}>
          <code>{code}</code>
        </pre>
      </div>
      {confirming && current ? (
        <SimpleDialog
          title="Show the API key in this snippet?"
          role="alertdialog"
          testId="snippet-reveal-dialog"
          onClose={() => setConfirming(false)}
          actions={
            <>
              <button
                type="button"
                className="sd-button"
                data-autofocus
                data-testid="snippet-reveal-cancel"
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
              <button
                type="button"
                className="sd-button sd-button-danger"
                data-testid="snippet-reveal-confirm"
                onClick={() => {
                  setConfirming(false);
                  reveal.mutate({ environmentId, endpointId, values, language: current.language });
                }}
              >
                Show key
              </button>
            </>
          }
        >
          <p>
            The {current.label} snippet will contain this environment’s real API key. Anyone who sees the screen or the copied text can use
            it. It is not saved anywhere and disappears when you change the request.
          </p>
        </SimpleDialog>
      ) : null}
    </div>
  );
}
