import type { HttpMethod } from '../../../shared/catalog/types';

const SHORT: Readonly<Record<HttpMethod, string>> = { GET: 'GET', POST: 'POST', PUT: 'PUT', PATCH: 'PATCH', DELETE: 'DEL' };

export function MethodBadge({ method, full = false }: { method: HttpMethod; full?: boolean }) {
  return (
    <span className={`method-badge method-${method.toLowerCase()}`} data-method={method}>
      {full ? method : SHORT[method]}
    </span>
  );
}
