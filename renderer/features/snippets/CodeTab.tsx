import { useEffect, useId, useState } from 'react';
import type { RequestValues } from '../../../shared/request';
import type { SnippetLanguage } from '../../../shared/snippets/languages';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice, TabPanel, Tabs } from '../../ui';
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
            {keyCopy?.copied
              ? `Copied with the API key. Do not share or commit it; the clipboard is cleared in ${keyCopy.clearAfterSeconds} seconds.`
              : 'Reads the key from the MAILGUN_API_KEY environment variable.'}
          </span>
          <span className="snip-actions">
            <span className="snip-copy-status" role="status" data-testid="snippet-copy-status">
              {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Could not copy' : keyCopy && !keyCopy.copied ? 'Not copied' : ''}
            </span>
            <Button
              size="small"
              data-testid="snippet-copy-with-key"
              disabled={!current || copyWithKey.isPending}
              onClick={() => {
                if (!current) return;
                setCopy('idle');
                copyWithKey.mutate({ environmentId, endpointId, values, language: current.language });
              }}
            >
              {copyWithKey.isPending ? 'Waiting for confirmation…' : 'Copy with key'}
            </Button>
            <Button variant="primary" size="small" data-testid="snippet-copy" disabled={code === ''} onClick={copyCode}>
              Copy
            </Button>
          </span>
        </div>
        {copyWithKey.isError ? <ErrorNotice error={toAppError(copyWithKey.error)} testId="snippet-copy-with-key-error" /> : null}
        <pre className="snip-code" data-testid="snippet-code" data-language={current?.language}>
          <code>{code}</code>
        </pre>
      </TabPanel>
    </div>
  );
}
