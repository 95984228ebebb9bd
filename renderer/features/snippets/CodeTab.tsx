import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { RequestValues } from '../../../shared/request';
import type { SnippetLanguage } from '../../../shared/snippets/languages';
import { toAppError } from '../../bridge/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCopyWithKey, useSnippets } from './use-snippets';
import './snippets.css';

export interface CodeTabProps {
  readonly environmentId: string;
  readonly endpointId: string;
  readonly values: RequestValues;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The current request as code in several languages. The key appears as an
 * environment variable; the real key never reaches this page: "Copy with
 * key" asks main, which confirms in a native dialog and puts the snippet on
 * the clipboard itself (and clears it a minute later).
 */
export function CodeTab({ environmentId, endpointId, values }: CodeTabProps) {
  const snippets = useSnippets({ environmentId, endpointId, values });
  const copyWithKey = useCopyWithKey();
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [copy, setCopy] = useState<CopyState>('idle');
  const tabsId = useId();
  const tabRefs = useRef(new Map<SnippetLanguage, HTMLButtonElement>());
  const resetCopyWithKey = copyWithKey.reset;

  const valuesKey = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: what was copied was for the request as it was; a change makes the status stale.
  useEffect(() => {
    resetCopyWithKey();
    setCopy('idle');
  }, [environmentId, endpointId, valuesKey, language, resetCopyWithKey]);

  const available = snippets.data ?? [];
  const current = available.find((s) => s.language === language) ?? available[0];
  const code = current?.code ?? '';
  const keyCopy = copyWithKey.data;

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
    copyWithKey.reset();
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
            {keyCopy?.copied
              ? `Copied with the API key. Do not share or commit it; the clipboard is cleared in ${keyCopy.clearAfterSeconds} seconds.`
              : 'Reads the key from the MAILGUN_API_KEY environment variable.'}
          </span>
          <span className="snip-actions">
            <span className="snip-copy-status" role="status" data-testid="snippet-copy-status">
              {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Could not copy' : keyCopy && !keyCopy.copied ? 'Not copied' : ''}
            </span>
            <button
              type="button"
              className="sd-button sd-button-small"
              data-testid="snippet-copy-with-key"
              disabled={!current || copyWithKey.isPending}
              onClick={() => {
                if (!current) return;
                setCopy('idle');
                copyWithKey.mutate({ environmentId, endpointId, values, language: current.language });
              }}
            >
              {copyWithKey.isPending ? 'Waiting for confirmation…' : 'Copy with key'}
            </button>
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
        {copyWithKey.isError ? <ErrorNotice error={toAppError(copyWithKey.error)} testId="snippet-copy-with-key-error" /> : null}
        <pre className="snip-code" data-testid="snippet-code" data-language={current?.language}>
          <code>{code}</code>
        </pre>
      </div>
    </div>
  );
}
