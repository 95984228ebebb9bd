import type { ParamSpec } from './define';

/** The domain a call works on, as it stands in the path; each group says in its own words which domain that is. */
export function domainPath(name: string, description: string): ParamSpec {
  return { name, in: 'path', type: { kind: 'string', format: 'domain' }, example: 'mg.example.com', description };
}
