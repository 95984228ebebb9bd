import type { HistorySummary } from '../../../shared/requests/types';
import { classifyValue, type InvestigateKind } from '../../../shared/support/investigate-target';

/** A value of a sent request that the support tools can investigate, with the parameter it was sent as. */
export interface HistoryTarget {
  readonly field: string;
  readonly value: string;
}

const PLACEHOLDER = /^\{([^}]+)\}$/;

/** A support agent looking back at a request most often asks about who it was for, then which message, then the domain. */
const KIND_ORDER: readonly InvestigateKind[] = ['address', 'message-id', 'domain', 'template', 'ip'];

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The path parameters as sent: the endpoint's template lined up with the end
 * of the URL's path, since a base URL may add a prefix (`/us` in the sandbox).
 * This finds the domain even when the environment, not the request, filled it.
 */
function pathValues(templatePath: string, url: string): HistoryTarget[] {
  if (!URL.canParse(url)) return [];
  const template = templatePath.split('/').filter(Boolean);
  const sent = new URL(url).pathname.split('/').filter(Boolean);
  if (sent.length < template.length) return [];
  const offset = sent.length - template.length;
  return template.flatMap((part, index) => {
    const name = PLACEHOLDER.exec(part)?.[1];
    const value = sent[offset + index];
    return name !== undefined && value !== undefined ? [{ field: name, value: decoded(value) }] : [];
  });
}

/** The declared parameters' string values (a repeated `to` gives one entry per address). */
function paramValues(values: unknown): HistoryTarget[] {
  if (typeof values !== 'object' || values === null || !('params' in values)) return [];
  const params = (values as { params: unknown }).params;
  if (typeof params !== 'object' || params === null) return [];
  return Object.entries(params).flatMap(([field, value]) => {
    const list = Array.isArray(value) ? value : [value];
    return list.filter((item): item is string => typeof item === 'string').map((item) => ({ field, value: item }));
  });
}

/**
 * What in a history entry can be investigated, from its URL's path parameters
 * (the domain) and the values it was sent with: each value once, addresses
 * first, then Message-IDs, domains, template names and IPs.
 */
export function historyTargets(entry: Pick<HistorySummary, 'endpoint' | 'request' | 'values'>): HistoryTarget[] {
  const seen = new Set<string>();
  const found: (HistoryTarget & { readonly rank: number })[] = [];
  for (const candidate of [...pathValues(entry.endpoint.path, entry.request.url), ...paramValues(entry.values)]) {
    const target = classifyValue(candidate.value, candidate.field);
    if (target === null) continue;
    const key = `${target.kind}:${target.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ ...candidate, rank: KIND_ORDER.indexOf(target.kind) });
  }
  return found.sort((a, b) => a.rank - b.rank).map(({ field, value }) => ({ field, value }));
}
