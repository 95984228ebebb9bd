import { paramFamilies } from '../../../shared/catalog/families';
import type { EndpointDef, ParamType } from '../../../shared/catalog/types';
import type { RowFamily } from './draft';

export interface FamilyMember {
  readonly name: string;
  readonly type: ParamType;
  readonly description: string;
}

/** Known names for a family on this endpoint: Mailgun's documented members plus samples the endpoint declares. */
export function familyMembers(endpoint: EndpointDef, family: RowFamily): readonly FamilyMember[] {
  const members = new Map<string, FamilyMember>();
  for (const m of paramFamilies[family].known) members.set(m.name, { name: m.name, type: m.type, description: m.description });
  for (const p of endpoint.params) {
    if (p.in === 'body' && p.name.startsWith(family) && !members.has(p.name))
      members.set(p.name, { name: p.name, type: p.type, description: p.description });
  }
  return [...members.values()];
}

const FREE_TEXT: ParamType = { kind: 'string' };

/** The type used for a row's value: a known member's type, otherwise free text as Mailgun accepts any name. */
export function memberFor(endpoint: EndpointDef, family: RowFamily | undefined, name: string): FamilyMember | undefined {
  if (!family) return undefined;
  return familyMembers(endpoint, family).find((m) => m.name === name);
}

export function rowValueType(endpoint: EndpointDef, family: RowFamily | undefined, name: string): ParamType {
  return memberFor(endpoint, family, name)?.type ?? FREE_TEXT;
}
