import type { EndpointDef } from '../../../shared/catalog/types';
import { type RequestTarget, type RequestValues, resolvePath } from '../../../shared/request';
import { MethodBadge } from '../catalog';

/** The URL as it would be sent right now; placeholders still missing a value stay visible as `{name}`. */
export function UrlPreview({
  endpoint,
  values,
  target,
}: {
  endpoint: EndpointDef;
  values: RequestValues;
  target: RequestTarget | undefined;
}) {
  const url = resolvePath(endpoint, values, target ?? { baseUrl: '' });
  const parts = url.split(/(\{[^}]+\})/g).filter((p) => p !== '');
  return (
    <div className="url-preview" data-testid="url-preview">
      <MethodBadge method={endpoint.method} full />
      <code className="url-text" data-testid="resolved-url" title={url}>
        {target ? null : <span className="url-missing">{'{base URL}'}</span>}
        {parts.map((part, index) =>
          /^\{[^}]+\}$/.test(part) ? (
            // Parts are positional slices of one string.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <span key={index} className="url-missing" title="No value yet">
              {part}
            </span>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <span key={index}>{part}</span>
          ),
        )}
      </code>
    </div>
  );
}
