import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { domainParamName } from '../../../shared/catalog/domain-scope';
import type { EndpointDef } from '../../../shared/catalog/types';
import type { FieldError, ParamInput } from '../../../shared/request';
import { isTemplateSource } from '../../../shared/variables';
import { Button, TabPanel, Tabs } from '../../ui';
import { mentionsVariable, useVariableHints } from '../environments';
import { DocsTab } from './DocsTab';
import {
  draftKey,
  type EditorDraft,
  emptyDraft,
  endpointRowFamilies,
  type FamilyRow,
  formParams,
  type HeaderRow,
  withExamples,
} from './draft';
import { type EditorTab, sortErrors, tabOfFirstError } from './editor-errors';
import { FamilyRows } from './FamilyRows';
import { HeaderRows } from './HeaderRows';
import { ParamField } from './ParamField';
import './request-editor.css';

export interface RequestEditorProps {
  readonly endpoint: EndpointDef;
  readonly draft: EditorDraft;
  readonly onChange: (draft: EditorDraft) => void;
  /** Every current problem; the editor decides which to show. */
  readonly errors: readonly FieldError[];
  /** After a send attempt every error shows, not only those of touched fields. */
  readonly showAllErrors: boolean;
  /** Increments on each blocked send; the editor then moves focus to the first problem. */
  readonly blockedAttempt: number;
  /** The environment's default domain, offered as the domain placeholder. */
  readonly environmentDomain?: string;
  /** Headers the app adds on its own, listed on the headers tab. */
  readonly automaticHeaders: readonly string[];
  readonly onOpenEndpoint: (id: string) => void;
  /** The request as code in other languages; the tab shows only when a renderer is given. */
  readonly renderCode?: () => ReactNode;
}

/**
 * The form for one endpoint: parameters, open-ended option fields, extra headers and docs, in tabs. Memoised: the
 * workbench re-renders whenever a response arrives, which changes nothing here.
 */
export const RequestEditor = memo(function RequestEditor(props: RequestEditorProps) {
  const { endpoint, draft, onChange, showAllErrors } = props;
  const [tab, setTab] = useState<EditorTab>('params');
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const panelRef = useRef<HTMLDivElement>(null);
  const params = useMemo(() => formParams(endpoint), [endpoint]);
  const families = useMemo(() => endpointRowFamilies(endpoint), [endpoint]);
  const domainParam = domainParamName(endpoint.path);
  const sorted = useMemo(() => sortErrors(props.errors), [props.errors]);
  const paramNames = useMemo(() => new Set(params.map((p) => draftKey(endpoint, p))), [endpoint, params]);

  const focusTarget = useRef(false);
  // Only a new blocked attempt should move focus, not every keystroke that changes the errors.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (props.blockedAttempt === 0) return;
    const first = tabOfFirstError(sorted, paramNames);
    if (first) setTab(first);
    focusTarget.current = true;
  }, [props.blockedAttempt]);
  useEffect(() => {
    if (!focusTarget.current) return;
    focusTarget.current = false;
    panelRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const touch = (name: string) => setTouched((current) => (current.has(name) ? current : new Set([...current, name])));
  const setParam = (name: string, value: ParamInput | undefined) => onChange({ ...draft, params: { ...draft.params, [name]: value } });
  const setExtra = (extra: readonly FamilyRow[]) => onChange({ ...draft, extra });
  const setHeaders = (headers: readonly HeaderRow[]) => onChange({ ...draft, headers });

  // A `{{name}}` the environment lacks is flagged in its field at once, so the tab counts it at once too.
  const resolvableKeys = params
    .filter((p) => p.type.kind !== 'file' && !isTemplateSource(endpoint, p.name))
    .map((p) => draftKey(endpoint, p));
  const paramsMention = resolvableKeys.some((key) => mentionsVariable(draft.params[key]));
  const headersMention = draft.headers.some((row) => mentionsVariable(row.value));
  const hints = useVariableHints(paramsMention || headersMention);
  const variableParamProblems = new Set(paramsMention ? resolvableKeys.filter((key) => hints(draft.params[key]).problem) : []);
  const visibleParamErrors = [...paramNames].filter(
    (n) => (sorted.params.has(n) && (showAllErrors || touched.has(n))) || variableParamProblems.has(n),
  ).length;
  const headerErrorCount = draft.headers.filter(
    (row, i) => (sorted.headers.has(i) && (showAllErrors || row.name !== '')) || (headersMention && hints(row.value).problem),
  ).length;
  const tabs: { id: EditorTab; label: string; count?: number; errors: number }[] = [
    { id: 'params', label: 'Parameters', count: params.length, errors: visibleParamErrors },
  ];
  if (families.length > 0) tabs.push({ id: 'options', label: 'Options', count: draft.extra.length, errors: sorted.extra.size });
  tabs.push({ id: 'headers', label: 'Headers', count: draft.headers.length, errors: headerErrorCount });
  if (props.renderCode) tabs.push({ id: 'code', label: 'Code', errors: 0 });
  tabs.push({ id: 'docs', label: 'Docs', errors: 0 });
  const current = tabs.some((t) => t.id === tab) ? tab : 'params';

  let panel: ReactNode;
  if (current === 'params') {
    panel =
      params.length === 0 ? (
        <p className="muted empty-panel">This endpoint takes no parameters: just send it.</p>
      ) : (
        <div className="param-list">
          {params.map((param) => {
            const key = draftKey(endpoint, param);
            const isDomain = param.name === domainParam && param.in === 'path';
            const error = sorted.params.get(key);
            const fromEnv = isDomain && props.environmentDomain ? props.environmentDomain : undefined;
            return (
              <ParamField
                key={key}
                endpoint={endpoint}
                param={param}
                value={draft.params[key]}
                onChange={(value) => setParam(key, value)}
                onBlur={() => touch(key)}
                error={showAllErrors || touched.has(key) ? error : undefined}
                placeholder={fromEnv}
                note={fromEnv ? `Leave empty to use the environment’s domain, ${fromEnv}.` : undefined}
              />
            );
          })}
        </div>
      );
  } else if (current === 'options') {
    panel = <FamilyRows endpoint={endpoint} families={families} rows={draft.extra} onChange={setExtra} errors={sorted.extra} />;
  } else if (current === 'headers') {
    const shownHeaderErrors = new Map([...sorted.headers].filter(([i]) => showAllErrors || (draft.headers[i]?.name ?? '') !== ''));
    panel = <HeaderRows rows={draft.headers} onChange={setHeaders} errors={shownHeaderErrors} automatic={props.automaticHeaders} />;
  } else if (current === 'code' && props.renderCode) {
    panel = props.renderCode();
  } else {
    panel = <DocsTab endpoint={endpoint} onOpenEndpoint={props.onOpenEndpoint} />;
  }

  return (
    <div className="request-editor" data-testid="request-editor">
      <div className="editor-toolbar">
        <Tabs
          items={tabs.map((t) => ({
            id: t.id,
            testId: `tab-${t.id}`,
            label: (
              <>
                {t.label}
                {t.count ? <span className="tab-count">{t.count}</span> : null}
                {t.errors > 0 ? (
                  <span className="tab-errors" title={`${t.errors} problem${t.errors === 1 ? '' : 's'}`}>
                    {t.errors}
                  </span>
                ) : null}
              </>
            ),
          }))}
          selected={current}
          onSelect={setTab}
          label="Request parts"
          idPrefix="editor"
          sharedPanel
          className="editor-tabs"
        />
        {current === 'params' && params.some((p) => p.type.kind !== 'file') ? (
          <div className="editor-actions">
            <Button
              size="small"
              data-testid="fill-examples"
              onClick={() => onChange(withExamples(endpoint, draft, props.environmentDomain))}
            >
              Fill examples
            </Button>
            <Button size="small" data-testid="clear-form" onClick={() => onChange(emptyDraft)}>
              Clear
            </Button>
          </div>
        ) : null}
      </div>
      <TabPanel
        key={current}
        idPrefix="editor"
        id={current}
        shared
        panelRef={panelRef}
        className="editor-panel"
        testId={`panel-${current}`}
      >
        {panel}
      </TabPanel>
    </div>
  );
});
