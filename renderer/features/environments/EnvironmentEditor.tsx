import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { regionBaseUrls } from '../../../shared/environments/regions';
import {
  type Environment,
  type EnvironmentColour,
  environmentColourNames,
  environmentColours,
  type KeyKind,
  type Region,
} from '../../../shared/environments/types';
import type { AppError } from '../../../shared/errors';
import { toAppError } from '../../bridge/client';
import { Button, ErrorNotice, RegionHosts } from '../../ui';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionTest } from './ConnectionTest';
import {
  type DraftErrors,
  type DraftField,
  draftErrors,
  draftFrom,
  type EnvironmentDraft,
  inputFrom,
  isDraftField,
  normalisedDomainNote,
} from './draft';
import { useApiKeyInput } from './use-api-key-input';
import { useSaveEnvironment } from './use-environments';
import { useVariablesInput } from './use-variables-input';
import { VariablesField } from './VariablesField';

export interface EnvironmentEditorProps {
  /** The stored environment, or null to create one. */
  readonly environment: Environment | null;
  /** Called after every successful save, with what main stored. */
  readonly onSaved: (environment: Environment) => void;
  readonly defaultColour?: EnvironmentColour;
}

/** Tab order of the fields, for focusing the first one with an error. */
const fieldOrder: readonly DraftField[] = ['name', 'region', 'baseUrl', 'domain', 'keyKind', 'subaccountId', 'readOnly', 'colour'];

const regionChoices: readonly { value: Region; label: string; detail: string }[] = [
  { value: 'us', label: 'US', detail: new URL(regionBaseUrls.us).host },
  { value: 'eu', label: 'EU', detail: new URL(regionBaseUrls.eu).host },
  { value: 'custom', label: 'Custom URL', detail: 'a proxy or local server' },
];

const keyKindChoices: readonly { value: KeyKind; label: string; detail: string }[] = [
  { value: 'primary', label: 'Primary account key', detail: 'Works for every endpoint of the account (or subaccount).' },
  {
    value: 'sending',
    label: 'Domain sending key',
    detail:
      'Limited to sending: POST …/messages and …/messages.mime through the default domain below. Mailgun refuses everything else with 401 or 403, and the app warns before such requests.',
  },
];

export function EnvironmentEditor({ environment, onSaved, defaultColour }: EnvironmentEditorProps) {
  const formId = useId();
  const ids = (field: string) => `${formId}-${field}`;
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<EnvironmentDraft>(() => draftFrom(environment, defaultColour));
  const [saved, setSaved] = useState<EnvironmentDraft>(draft);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const save = useSaveEnvironment();
  const key = useApiKeyInput();
  const variables = useVariablesInput(environment);

  const errors = draftErrors(draft);
  const visibleError = (field: DraftField): string | undefined =>
    serverErrors[field] ?? (submitted || touched.has(field) ? errors[field] : undefined);
  const dirty = JSON.stringify(inputFrom(draft)) !== JSON.stringify(inputFrom(saved)) || variables.dirty;
  const domainNote = normalisedDomainNote(draft.domain);

  const update = (patch: Partial<EnvironmentDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setServerErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[field as DraftField];
      return next;
    });
    setStatus(null);
  };
  const touch = (field: DraftField) => setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));

  const focusField = (field: DraftField | 'key') => {
    const target = formRef.current?.querySelector<HTMLElement>(`[data-field="${field}"]`);
    target?.focus();
  };

  const busy = save.isPending || key.storing || variables.storing;
  const blocking = Object.keys(errors).length + (key.error === null ? 0 : 1) + variables.errors.size;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    setFailure(null);
    setStatus(null);
    const keyValid = key.check();
    const firstInvalid = fieldOrder.find((field) => errors[field] !== undefined);
    if (firstInvalid !== undefined || !keyValid) {
      focusField(firstInvalid ?? 'key');
      return;
    }
    if (variables.errors.size > 0) {
      formRef.current?.querySelector<HTMLElement>('.env-variables [aria-invalid="true"]')?.focus();
      return;
    }
    let stored: Environment;
    try {
      stored = await save.mutateAsync(inputFrom(draft));
    } catch (caught) {
      const error = toAppError(caught);
      if (isDraftField(error.field)) {
        setServerErrors({ [error.field]: error.message });
        focusField(error.field);
      } else {
        setFailure(error);
      }
      return;
    }
    const next = draftFrom(stored);
    setDraft(next);
    setSaved(next);
    onSaved(stored);
    if (key.filled && !(await key.store(stored.id))) {
      setStatus(`Saved “${stored.name}”, but its API key was not stored. Fix the problem shown and try again.`);
      return;
    }
    if (variables.dirty) {
      const withVariables = await variables.store(stored.id);
      if (withVariables === null) {
        setStatus(`Saved “${stored.name}”, but its variables were not. Fix the problem shown and try again.`);
        return;
      }
      onSaved(withVariables);
    }
    setStatus(`Saved “${stored.name}”.`);
  };

  const errorProps = (field: DraftField) => {
    const message = visibleError(field);
    return {
      'aria-invalid': message ? true : undefined,
      'aria-describedby': [message ? ids(`${field}-error`) : '', ids(`${field}-hint`)].join(' ').trim(),
      'data-field': field,
      'data-testid': `env-field-${field}`,
    } as const;
  };

  return (
    <form ref={formRef} className="env-editor" onSubmit={onSubmit} noValidate data-testid="env-editor" aria-labelledby={ids('title')}>
      <div className="env-editor-fields">
        <h3 id={ids('title')} className="env-editor-title">
          {draft.id === undefined ? 'New environment' : `Edit “${saved.name}”`}
        </h3>

        <Field
          label="Name"
          htmlFor={ids('name')}
          error={visibleError('name')}
          errorId={ids('name-error')}
          field="name"
          hint="Shown in the top bar; Ctrl/Cmd+Alt+1 to 9 pick environments in list order."
          hintId={ids('name-hint')}
        >
          <input
            id={ids('name')}
            className="env-input"
            value={draft.name}
            onChange={(event) => update({ name: event.target.value })}
            onBlur={() => touch('name')}
            placeholder="Production EU"
            autoComplete="off"
            {...errorProps('name')}
          />
        </Field>

        <fieldset className="env-fieldset" aria-describedby={ids('region-hint')}>
          <legend className="env-label">Region</legend>
          <div className="env-segmented" role="radiogroup" aria-label="Region">
            {regionChoices.map((choice) => (
              <label key={choice.value} className={`env-segment${draft.region === choice.value ? ' env-segment-on' : ''}`}>
                <input
                  type="radio"
                  name={ids('region')}
                  value={choice.value}
                  checked={draft.region === choice.value}
                  onChange={() => update({ region: choice.value })}
                  data-testid={`env-region-${choice.value}`}
                  data-field={draft.region === choice.value ? 'region' : undefined}
                />
                <span className="env-segment-label">{choice.label}</span>
                <span className="env-segment-detail">{choice.detail}</span>
              </label>
            ))}
          </div>
          <p className="env-hint" id={ids('region-hint')}>
            Use the region your Mailgun domains were created in; Test connection tells you if it is the other one.
          </p>
          {draft.region === 'custom' ? null : <RegionHosts region={draft.region} testId="env-region-hosts" disclosure />}
        </fieldset>

        {draft.region === 'custom' ? (
          <Field
            label="Base URL"
            htmlFor={ids('baseUrl')}
            error={visibleError('baseUrl')}
            errorId={ids('baseUrl-error')}
            field="baseUrl"
            hint={customUrlHint(draft.baseUrl)}
            hintId={ids('baseUrl-hint')}
          >
            <input
              id={ids('baseUrl')}
              className="env-input env-input-mono"
              value={draft.baseUrl}
              onChange={(event) => update({ baseUrl: event.target.value })}
              onBlur={() => touch('baseUrl')}
              placeholder="https://mailgun-proxy.example.com"
              autoComplete="off"
              spellCheck={false}
              inputMode="url"
              {...errorProps('baseUrl')}
            />
          </Field>
        ) : null}

        <Field
          label="Default domain"
          htmlFor={ids('domain')}
          error={visibleError('domain')}
          errorId={ids('domain-error')}
          field="domain"
          hint={
            domainNote ? (
              <span data-testid="env-domain-normalised">
                Saved as <code>{domainNote}</code>, the form Mailgun uses.
              </span>
            ) : (
              'Fills the domain in request paths. Internationalised names are accepted.'
            )
          }
          hintId={ids('domain-hint')}
        >
          <input
            id={ids('domain')}
            className="env-input env-input-mono"
            value={draft.domain}
            onChange={(event) => update({ domain: event.target.value })}
            onBlur={() => touch('domain')}
            placeholder="mg.example.com"
            autoComplete="off"
            spellCheck={false}
            {...errorProps('domain')}
          />
        </Field>

        <fieldset className="env-fieldset">
          <legend className="env-label">Key kind</legend>
          <div className="env-choices" role="radiogroup" aria-label="Key kind">
            {keyKindChoices.map((choice) => (
              <label key={choice.value} className={`env-choice${draft.keyKind === choice.value ? ' env-choice-on' : ''}`}>
                <input
                  type="radio"
                  name={ids('keyKind')}
                  value={choice.value}
                  checked={draft.keyKind === choice.value}
                  onChange={() => update({ keyKind: choice.value })}
                  data-testid={`env-keykind-${choice.value}`}
                  data-field={draft.keyKind === choice.value ? 'keyKind' : undefined}
                />
                <span>
                  <span className="env-choice-label">{choice.label}</span>
                  <span className="env-choice-detail">{choice.detail}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <ApiKeyField environment={draft.id === undefined ? null : environment} input={key} />

        <Field
          label="Subaccount ID (optional)"
          htmlFor={ids('subaccountId')}
          error={visibleError('subaccountId')}
          errorId={ids('subaccountId-error')}
          field="subaccountId"
          hint={
            <>
              Sent as the <code>X-Mailgun-On-Behalf-Of</code> header on every request, so the primary key acts on that subaccount.
            </>
          }
          hintId={ids('subaccountId-hint')}
        >
          <input
            id={ids('subaccountId')}
            className="env-input env-input-mono"
            value={draft.subaccountId}
            onChange={(event) => update({ subaccountId: event.target.value })}
            onBlur={() => touch('subaccountId')}
            autoComplete="off"
            spellCheck={false}
            {...errorProps('subaccountId')}
          />
        </Field>

        <div className="env-field env-switch-field">
          <label className="env-switch">
            <input
              type="checkbox"
              role="switch"
              checked={draft.readOnly}
              aria-checked={draft.readOnly}
              onChange={(event) => update({ readOnly: event.target.checked })}
              data-testid="env-field-readOnly"
              data-field="readOnly"
              aria-describedby={ids('readOnly-hint')}
            />
            <span className="env-switch-track" aria-hidden="true" />
            <span className="env-label">Read-only</span>
          </label>
          <p className="env-hint" id={ids('readOnly-hint')}>
            Blocks requests that create, change or delete anything: a safety catch for production.
          </p>
        </div>

        <fieldset className="env-fieldset">
          <legend className="env-label">Colour</legend>
          <div className="env-swatches" role="radiogroup" aria-label="Colour">
            {environmentColourNames.map((colour) => (
              <label key={colour} className="env-swatch" title={colour}>
                <input
                  type="radio"
                  name={ids('colour')}
                  value={colour}
                  checked={draft.colour === colour}
                  onChange={() => update({ colour })}
                  aria-label={colour}
                  data-testid={`env-colour-${colour}`}
                  data-field={draft.colour === colour ? 'colour' : undefined}
                />
                <span className="env-swatch-dot" style={{ background: environmentColours[colour] }} aria-hidden="true" />
              </label>
            ))}
          </div>
        </fieldset>

        <VariablesField input={variables} domain={draft.domain} />

        {draft.id !== undefined && environment ? (
          <ConnectionTest
            environment={environment}
            dirty={dirty}
            onSwitched={(stored) => {
              setDraft((current) => ({ ...current, region: stored.region, baseUrl: stored.baseUrl ?? '' }));
              setSaved(draftFrom(stored));
            }}
          />
        ) : null}

        {failure ? <ErrorNotice error={failure} testId="env-save-error" /> : null}
      </div>
      {/* Outside the scrolling fields, so errors appearing on blur never move the button from under the pointer. */}
      <div className="env-editor-actions">
        {/* aria-disabled rather than disabled: a disabled button drops focus, and Escape would then miss the dialog. */}
        <Button type="submit" variant="primary" aria-disabled={busy} data-testid="env-save">
          {save.isPending ? 'Saving…' : draft.id === undefined ? 'Create environment' : 'Save changes'}
        </Button>
        {submitted && blocking > 0 ? (
          <span className="env-error" role="alert" data-testid="env-save-blocked">
            Fix the highlighted {blocking === 1 ? 'field' : 'fields'} first.
          </span>
        ) : null}
        <span className="env-status" role="status" data-testid="env-save-status">
          {status ?? (dirty && draft.id !== undefined ? 'Unsaved changes' : '')}
        </span>
      </div>
    </form>
  );
}

interface FieldProps {
  readonly label: string;
  readonly htmlFor: string;
  readonly field: DraftField;
  readonly error: string | undefined;
  readonly errorId: string;
  readonly hint?: ReactNode;
  readonly hintId?: string;
  readonly children: ReactNode;
}

function Field({ label, htmlFor, field, error, errorId, hint, hintId, children }: FieldProps) {
  return (
    <div className={`env-field${error ? ' env-field-invalid' : ''}`}>
      <label className="env-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error ? (
        <p className="env-error" id={errorId} data-testid={`env-error-${field}`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="env-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The key goes wherever this URL points, so the field says so, naming the host once it can be read. */
function customUrlHint(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  const host = URL.canParse(trimmed) ? new URL(trimmed).host : '';
  const where = host ? `to ${host}` : 'to this server';
  return `Where requests go instead of Mailgun's own API: a proxy, or a mock server on this computer. This environment's API key is sent ${where} with every request, so use only a server you trust.`;
}
