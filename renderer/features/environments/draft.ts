import { regionLabels } from '../../../shared/environments/regions';
import type { Environment, EnvironmentColour, EnvironmentInput, KeyKind, Region } from '../../../shared/environments/types';
import {
  type Checked,
  normaliseDomain,
  validateBaseUrl,
  validateEnvironmentInput,
  validateName,
  validateSubaccountId,
} from '../../../shared/environments/validate';

/** What the editor form holds: plain strings as typed, checked by the shared validators. */
export interface EnvironmentDraft {
  readonly id?: string;
  readonly name: string;
  readonly region: Region;
  readonly baseUrl: string;
  readonly domain: string;
  readonly keyKind: KeyKind;
  readonly subaccountId: string;
  readonly readOnly: boolean;
  readonly colour: EnvironmentColour;
}

export const draftFields = ['name', 'region', 'baseUrl', 'domain', 'keyKind', 'subaccountId', 'readOnly', 'colour'] as const;
export type DraftField = (typeof draftFields)[number];
export type DraftErrors = Partial<Record<DraftField, string>>;

export function isDraftField(value: string | undefined): value is DraftField {
  return value !== undefined && (draftFields as readonly string[]).includes(value);
}

export function draftFrom(environment: Environment | null, colour: EnvironmentColour = 'blue'): EnvironmentDraft {
  if (environment === null) {
    return { name: '', region: 'us', baseUrl: '', domain: '', keyKind: 'primary', subaccountId: '', readOnly: false, colour };
  }
  return {
    id: environment.id,
    name: environment.name,
    region: environment.region,
    baseUrl: environment.baseUrl ?? '',
    domain: environment.domain,
    keyKind: environment.keyKind,
    subaccountId: environment.subaccountId ?? '',
    readOnly: environment.readOnly,
    colour: environment.colour,
  };
}

export function inputFrom(draft: EnvironmentDraft): EnvironmentInput {
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    name: draft.name,
    region: draft.region,
    ...(draft.region === 'custom' ? { baseUrl: draft.baseUrl } : {}),
    domain: draft.domain,
    keyKind: draft.keyKind,
    ...(draft.subaccountId.trim() === '' ? {} : { subaccountId: draft.subaccountId }),
    readOnly: draft.readOnly,
    colour: draft.colour,
  };
}

/** An environment as saved, with only the region changed (for "switch to the other region"). */
export function withRegion(environment: Environment, region: Region): EnvironmentInput {
  return inputFrom({ ...draftFrom(environment), region });
}

function messageOf(checked: Checked<unknown>): string | undefined {
  return checked.ok ? undefined : checked.message;
}

/** The message for one field, from the same validators main applies before storing. */
export function fieldError(draft: EnvironmentDraft, field: DraftField): string | undefined {
  switch (field) {
    case 'name':
      return messageOf(validateName(draft.name));
    case 'domain':
      return messageOf(normaliseDomain(draft.domain));
    case 'baseUrl':
      return draft.region === 'custom' ? messageOf(validateBaseUrl(draft.baseUrl)) : undefined;
    case 'subaccountId':
      return messageOf(validateSubaccountId(draft.subaccountId));
    default:
      return undefined;
  }
}

export function draftErrors(draft: EnvironmentDraft): DraftErrors {
  const checked = validateEnvironmentInput(inputFrom(draft));
  if (checked.ok) return {};
  const errors: DraftErrors = {};
  for (const { field, message } of checked.errors) {
    if (isDraftField(field) && errors[field] === undefined) errors[field] = message;
  }
  return errors;
}

/** The ASCII form Mailgun will see, when it differs from what was typed (IDN or capitals). */
export function normalisedDomainNote(domain: string): string | null {
  const checked = normaliseDomain(domain);
  return checked.ok && checked.value !== domain.trim() ? checked.value : null;
}

export function regionBadge(environment: Pick<Environment, 'region' | 'baseUrl'>): { label: string; title: string } {
  if (environment.region !== 'custom')
    return { label: regionLabels[environment.region], title: `${regionLabels[environment.region]} region` };
  const url = environment.baseUrl ?? '';
  let host = 'custom';
  try {
    host = new URL(url).host;
  } catch {
    // An unparsable URL cannot be stored, so the fallback label is enough.
  }
  return { label: host, title: `Custom base URL: ${url}` };
}

export function keyLabel(environment: Pick<Environment, 'hasKey' | 'keyLast4'>): string {
  if (!environment.hasKey) return 'no key';
  return environment.keyLast4 === null ? 'key stored' : `••••${environment.keyLast4}`;
}
