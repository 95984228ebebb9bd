import { AppFailure } from '../errors';
import { type EnvironmentVariable, variableInputProblems, variableLimits } from '../variables/names';
import { baseUrlFor, isOfficialRegion, regionForBaseUrl } from './regions';
import {
  type Environment,
  type EnvironmentColour,
  type EnvironmentInput,
  environmentColours,
  environmentLimits,
  type KeyKind,
  type Region,
} from './types';
import { validateApiKey, validateEnvironmentInput } from './validate';

/**
 * Environment files in and out: the app's own JSON format and Postman
 * environment files. Pure text in, text out; keys are included only when the
 * caller hands them in, and whoever calls this decides where the text goes.
 */

export const jsonExportFormat = 'mailgun-explorer/environments';

export interface ExportItem {
  readonly environment: Environment;
  /** Only present when the user explicitly asked for keys in the file. */
  readonly apiKey: string | null;
}

export interface ImportEntry {
  readonly input: EnvironmentInput;
  readonly apiKey: string | null;
  readonly label: string;
  /** Plain values as in the file; a secret comes in by name only, to be set again. */
  readonly variables: readonly EnvironmentVariable[];
}

export interface ParsedImport {
  readonly format: 'json' | 'postman';
  readonly entries: readonly ImportEntry[];
  readonly skipped: number;
  readonly warnings: readonly string[];
}

function exportedFields(environment: Environment): Record<string, unknown> {
  return {
    name: environment.name,
    region: environment.region,
    ...(environment.region === 'custom' ? { baseUrl: environment.baseUrl } : {}),
    domain: environment.domain,
    keyKind: environment.keyKind,
    ...(environment.subaccountId === undefined ? {} : { subaccountId: environment.subaccountId }),
    readOnly: environment.readOnly,
    colour: environment.colour,
    // A secret is exported by name only: its value stays in the keychain.
    ...(environment.variables?.length
      ? {
          variables: environment.variables.map((item) =>
            item.secret ? { name: item.name, secret: true } : { name: item.name, value: item.value },
          ),
        }
      : {}),
  };
}

export function formatJsonExport(items: readonly ExportItem[], exportedAt: Date): string {
  const environments = items.map(({ environment, apiKey }) => ({ ...exportedFields(environment), ...(apiKey === null ? {} : { apiKey }) }));
  return `${JSON.stringify({ format: jsonExportFormat, version: 1, exportedAt: exportedAt.toISOString(), environments }, null, 2)}\n`;
}

/** Postman environment files hold exactly one environment. */
export function formatPostmanExport(item: ExportItem, exportedAt: Date): string {
  const { environment, apiKey } = item;
  const variable = (key: string, value: string, type: 'default' | 'secret' = 'default') => ({ key, value, type, enabled: true });
  const values = [
    variable('domain', environment.domain),
    ...(isOfficialRegion(environment.region) ? [variable('region', environment.region)] : []),
    variable('base_url', baseUrlFor(environment)),
    variable('key_kind', environment.keyKind),
    ...(environment.subaccountId === undefined ? [] : [variable('subaccount_id', environment.subaccountId)]),
    ...(apiKey === null ? [] : [variable('api_key', apiKey, 'secret')]),
    ...(environment.variables ?? []).map((item) => (item.secret ? variable(item.name, '', 'secret') : variable(item.name, item.value))),
  ];
  const file = {
    id: environment.id,
    name: environment.name,
    values,
    _postman_variable_scope: 'environment',
    _postman_exported_at: exportedAt.toISOString(),
    _postman_exported_using: 'Mailgun Explorer',
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function slug(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return cleaned === '' ? 'environment' : cleaned;
}

/** Files with keys say so in their name, so nobody shares one by accident. */
export function exportFileName(format: 'json' | 'postman', items: readonly ExportItem[], exportedAt: Date): string {
  const withKeys = items.some((item) => item.apiKey !== null) ? '-WITH-KEYS' : '';
  if (format === 'postman') return `${slug(items[0]?.environment.name ?? '')}${withKeys}.postman_environment.json`;
  return `mailgun-environments-${exportedAt.toISOString().slice(0, 10)}${withKeys}.json`;
}

function importFailure(message: string): AppFailure {
  return new AppFailure(
    'import-failed',
    message,
    'Choose a file exported by Mailgun Explorer, or a Postman environment file with domain, region or base_url, and api_key variables.',
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface RawEntry {
  readonly label: string;
  readonly fields: {
    name: unknown;
    region: unknown;
    baseUrl: unknown;
    domain: unknown;
    keyKind: unknown;
    subaccountId: unknown;
    readOnly: unknown;
    colour: unknown;
  };
  readonly apiKey: unknown;
  readonly variables: readonly { readonly name: unknown; readonly value: unknown; readonly secret: unknown }[];
}

function jsonEntries(data: unknown): RawEntry[] {
  const list = Array.isArray(data) ? data : isRecord(data) ? data.environments : undefined;
  if (!Array.isArray(list)) throw importFailure('This file has no list of environments.');
  return list.map((item, index) => {
    const entry = isRecord(item) ? item : {};
    return {
      label: `Entry ${index + 1}${typeof entry.name === 'string' ? ` ("${entry.name.slice(0, 80)}")` : ''}`,
      fields: {
        name: entry.name,
        region: entry.region,
        baseUrl: entry.baseUrl,
        domain: entry.domain,
        keyKind: entry.keyKind ?? 'primary',
        subaccountId: entry.subaccountId,
        readOnly: entry.readOnly ?? false,
        colour: entry.colour,
      },
      apiKey: entry.apiKey,
      variables: Array.isArray(entry.variables)
        ? entry.variables.filter(isRecord).map((item) => ({ name: item.name, value: item.value, secret: item.secret === true }))
        : [],
    };
  });
}

function postmanEntry(data: Record<string, unknown>, warnings: string[]): RawEntry {
  const variables = new Map<string, unknown>();
  const own: RawEntry['variables'][number][] = [];
  for (const item of data.values as unknown[]) {
    if (!isRecord(item) || typeof item.key !== 'string' || item.enabled === false) continue;
    const key = item.key.trim().toLowerCase();
    variables.set(key, item.value);
    // Everything that is not one of the environment's own fields becomes a `{{name}}` variable.
    if (!postmanFields.has(key)) own.push({ name: item.key.trim(), value: item.value, secret: item.type === 'secret' || looksSecret(key) });
  }
  const domain = variables.get('domain');
  const baseUrlText = text(variables.get('base_url'))?.trim() ?? '';
  const regionText = text(variables.get('region'))?.trim().toLowerCase() ?? '';
  let region: Region;
  let baseUrl: string | undefined;
  if (baseUrlText !== '') {
    const official = regionForBaseUrl(baseUrlText);
    region = official ?? 'custom';
    baseUrl = official === null ? baseUrlText : undefined;
  } else if (regionText === 'us' || regionText === 'eu') {
    region = regionText;
  } else {
    region = 'us';
    warnings.push('The Postman file names no known region or base_url, so the US region was assumed.');
  }
  const name = text(data.name)?.trim() || text(domain) || 'Imported from Postman';
  return {
    label: `"${name.slice(0, 80)}"`,
    fields: {
      name,
      region,
      baseUrl,
      domain,
      keyKind: variables.get('key_kind') ?? 'primary',
      subaccountId: variables.get('subaccount_id'),
      readOnly: false,
      colour: undefined,
    },
    apiKey: variables.get('api_key'),
    variables: own,
  };
}

const postmanFields = new Set(['domain', 'region', 'base_url', 'key_kind', 'subaccount_id', 'api_key']);

/** A name that usually holds a credential: imported as a secret by name only, so its value never lands in a file. */
function looksSecret(name: string): boolean {
  return /(?:^|[^a-z])(?:api[_.-]?key|key|secret|password|passwd|token)(?:$|[^a-z])/i.test(name);
}

/** Variables that fit the rules are kept (secrets by name only); the rest are named in a warning. */
function variablesOf(raw: RawEntry, warnings: string[]): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  const left: string[] = [];
  for (const item of raw.variables.slice(0, variableLimits.maxPerEnvironment)) {
    const name = typeof item.name === 'string' ? item.name : '';
    const value = typeof item.value === 'string' ? item.value : item.value === undefined || item.value === null ? '' : String(item.value);
    const candidate = { name, secret: item.secret === true, ...(item.secret === true ? {} : { value }) };
    if (variableInputProblems([...out.map((v) => ({ name: v.name, secret: v.secret })), candidate]).some((p) => p.index === out.length)) {
      left.push(name || '(no name)');
      continue;
    }
    out.push(item.secret === true ? { name, secret: true, isSet: false } : { name, secret: false, value });
  }
  if (left.length > 0)
    warnings.push(`${raw.label}: these variables were left out, as their names or values cannot be used: ${left.slice(0, 10).join(', ')}.`);
  const secrets = out.filter((item) => item.secret).map((item) => `{{${item.name}}}`);
  if (secrets.length > 0)
    warnings.push(`${raw.label}: set the secret ${secrets.join(', ')} again in Environments → Variables; files never hold secret values.`);
  return out;
}

const defaultColour: EnvironmentColour = 'blue';

function toInput(raw: RawEntry): EnvironmentInput {
  const { fields } = raw;
  const colour = text(fields.colour);
  return {
    name: text(fields.name) ?? '',
    region: (text(fields.region) ?? '') as Region,
    ...(text(fields.baseUrl) === undefined ? {} : { baseUrl: text(fields.baseUrl) }),
    domain: text(fields.domain) ?? '',
    keyKind: (text(fields.keyKind) ?? '') as KeyKind,
    ...(text(fields.subaccountId) === undefined ? {} : { subaccountId: text(fields.subaccountId) }),
    readOnly: fields.readOnly === true,
    colour: colour !== undefined && Object.hasOwn(environmentColours, colour) ? (colour as EnvironmentColour) : defaultColour,
  };
}

/** Refused entries are counted and explained, never silently left out. */
export function parseImportText(source: string, format: 'auto' | 'json' | 'postman'): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    throw importFailure('This file is not valid JSON.');
  }
  const looksLikePostman = isRecord(data) && Array.isArray(data.values);
  const detected = looksLikePostman ? 'postman' : 'json';
  if (format !== 'auto' && format !== detected) {
    throw importFailure(
      format === 'postman' ? 'This is not a Postman environment file.' : 'This is not a Mailgun Explorer environments file.',
    );
  }
  const warnings: string[] = [];
  const rawEntries = looksLikePostman ? [postmanEntry(data as Record<string, unknown>, warnings)] : jsonEntries(data);
  if (rawEntries.length === 0) throw importFailure('This file holds no environments.');
  if (rawEntries.length > environmentLimits.maxEnvironments)
    throw importFailure(`This file holds more than ${environmentLimits.maxEnvironments} environments.`);

  const entries: ImportEntry[] = [];
  let skipped = 0;
  for (const raw of rawEntries) {
    const checked = validateEnvironmentInput(toInput(raw));
    if (!checked.ok) {
      skipped += 1;
      warnings.push(`${raw.label} was not imported: ${checked.errors.map((error) => `${error.field}: ${error.message}`).join(' ')}`);
      continue;
    }
    let apiKey: string | null = null;
    if (raw.apiKey !== undefined && raw.apiKey !== null && raw.apiKey !== '') {
      const key = validateApiKey(typeof raw.apiKey === 'string' ? raw.apiKey : '');
      if (key.ok) apiKey = key.value;
      else warnings.push(`${raw.label}: its API key was left out (${key.message})`);
    }
    entries.push({ input: checked.value, apiKey, label: raw.label, variables: variablesOf(raw, warnings) });
  }
  return { format: detected, entries, skipped, warnings };
}
