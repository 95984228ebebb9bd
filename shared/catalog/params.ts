import type { ParamSpec } from './define';

/** The domain a call works on, as it stands in the path; each group says in its own words which domain that is. */
export function domainPath(name: string, description: string): ParamSpec {
  return { name, in: 'path', type: { kind: 'string', format: 'domain' }, example: 'mg.example.com', description };
}

/** The filter object of the analytics queries (metrics, logs): conditions joined by AND. */
export const analyticsFilter: ParamSpec = {
  name: 'filter',
  in: 'body',
  type: { kind: 'json' },
  example: { AND: [{ attribute: 'domain', comparator: '=', values: [{ label: 'mg.example.com', value: 'mg.example.com' }] }] },
  description: 'Object with an `AND` array of `{attribute, comparator, values:[{label, value}]}` conditions.',
};
