import { catalog } from './catalog';
import type { EndpointDef } from './types';

export interface EndpointMatch {
  readonly endpoint: EndpointDef;
  /** Path parameter values taken from the concrete path, decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
}

interface CompiledTemplate {
  readonly endpoint: EndpointDef;
  /** Lower-cased literal text, or the parameter name for a placeholder. */
  readonly segments: readonly { readonly literal?: string; readonly param?: string }[];
}

const compiledCache = new WeakMap<readonly EndpointDef[], Map<string, CompiledTemplate[]>>();

/** Templates bucketed by method and segment count, built once per endpoint list. */
function compile(endpoints: readonly EndpointDef[]): Map<string, CompiledTemplate[]> {
  const cached = compiledCache.get(endpoints);
  if (cached) return cached;
  const buckets = new Map<string, CompiledTemplate[]>();
  for (const endpoint of endpoints) {
    const segments = endpoint.path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        const m = /^\{([^}]+)\}$/.exec(s);
        return m?.[1] ? { param: m[1] } : { literal: s.toLowerCase() };
      });
    const key = `${endpoint.method} ${segments.length}`;
    const list = buckets.get(key) ?? [];
    list.push({ endpoint, segments });
    buckets.set(key, list);
  }
  compiledCache.set(endpoints, buckets);
  return buckets;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reduces a full URL, a path, or a Postman URL such as `{{baseUrl}}/v3/{{domain}}/messages`
 * to its path segments, starting at the version segment (`v3`), so that base URLs with
 * a path prefix or a variable in place of the host still match.
 */
export function pathSegments(urlOrPath: string): string[] {
  let text = urlOrPath.trim().replace(/[?#].*$/, '');
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const version = /(?:^|\/)(v\d+)(?:\/|$)/.exec(text);
  if (version) text = text.slice(version.index);
  return text
    .split('/')
    .filter((s) => s !== '')
    .map(safeDecode);
}

/**
 * Finds the catalog endpoint a concrete request was made to, e.g.
 * `POST /v3/mg.example.com/messages` → `messages.send`. Literal segments beat
 * placeholders, earliest first, so `/v3/lists/pages` is not read as a domain.
 */
export function findEndpointByRequest(
  method: string,
  urlOrPath: string,
  endpoints: readonly EndpointDef[] = catalog,
): EndpointMatch | undefined {
  const segments = pathSegments(urlOrPath);
  const candidates = compile(endpoints).get(`${method.trim().toUpperCase()} ${segments.length}`) ?? [];
  let best: CompiledTemplate | undefined;
  let bestScore = '';
  for (const candidate of candidates) {
    let score = '';
    let matches = true;
    for (let i = 0; i < segments.length; i += 1) {
      const template = candidate.segments[i];
      const actual = segments[i] ?? '';
      if (template?.literal !== undefined) {
        if (template.literal !== actual.toLowerCase()) {
          matches = false;
          break;
        }
        score += '1';
      } else {
        score += '0';
      }
    }
    if (matches && score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  const pathParams: Record<string, string> = {};
  best.segments.forEach((s, i) => {
    if (s.param !== undefined) pathParams[s.param] = segments[i] ?? '';
  });
  return { endpoint: best.endpoint, pathParams };
}
