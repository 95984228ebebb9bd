import { useMutation } from '@tanstack/react-query';
import { externalUrlSchema } from '../../../shared/bridge/app';
import { paramFamilies } from '../../../shared/catalog/families';
import type { EndpointDef } from '../../../shared/catalog/types';
import { call, toAppError } from '../../bridge/client';
import { Button, ErrorNotice } from '../../ui';
import { typeHint } from './controls/ValueControl';

/** Mailgun's reference has no stable per-operation anchors we can rely on, so the link goes to the API reference itself. */
export const MAILGUN_API_REFERENCE = 'https://documentation.mailgun.com/docs/mailgun/api-reference/';

const PAGINATION_TEXT: Readonly<Record<EndpointDef['pagination'], string>> = {
  none: 'Not paged.',
  'paging-urls': 'Paged: the response carries first/next/previous/last links.',
  'events-token': 'Paged: follow the next link in the response until a page comes back empty.',
  'skip-limit': 'Paged with skip and limit; the response reports the total.',
  'json-body': 'Paged through a pagination object in the JSON body.',
  'logs-token': 'Paged with tokens returned in the response.',
  'validation-pivot': 'Paged with a pivot query parameter.',
};

const ENCODING_TEXT: Readonly<Record<EndpointDef['encoding'], string>> = {
  none: 'No body: parameters go in the path and query.',
  multipart: 'Body sent as multipart/form-data.',
  urlencoded: 'Body sent as application/x-www-form-urlencoded.',
  json: 'Body sent as JSON.',
};

/** Only https links on mailgun.com may leave the app; main checks the same rule again. */
export function isOpenableDocsUrl(url: string): boolean {
  return externalUrlSchema.safeParse(url).success;
}

export function DocsTab({ endpoint, onOpenEndpoint }: { endpoint: EndpointDef; onOpenEndpoint: (id: string) => void }) {
  const open = useMutation({ mutationFn: (url: string) => call('openExternal', { url }) });
  const example = endpoint.exampleResponse;
  return (
    <div className="docs-tab" data-testid="docs-tab">
      <h2 className="docs-title">{endpoint.summary}</h2>
      <p>{endpoint.description}</p>
      {endpoint.deprecated ? (
        <p className="notice notice-warn" data-testid="docs-deprecated">
          Deprecated.{' '}
          {endpoint.replacedBy ? (
            <Button variant="link" onClick={() => onOpenEndpoint(endpoint.replacedBy ?? '')}>
              Use {endpoint.replacedBy} instead
            </Button>
          ) : null}
        </p>
      ) : null}
      <ul className="docs-facts">
        <li>
          <code>
            {endpoint.method} {endpoint.path}
          </code>
        </li>
        <li>{ENCODING_TEXT[endpoint.encoding]}</li>
        <li>{PAGINATION_TEXT[endpoint.pagination]}</li>
        <li>{endpoint.mutates ? 'Changes data on your account.' : 'Read-only: changes nothing.'}</li>
        <li>{endpoint.sendingKeyAllowed ? 'Works with a domain sending key.' : 'Needs a primary account key.'}</li>
      </ul>

      <h3>Parameters</h3>
      {endpoint.params.length === 0 ? (
        <p className="muted">This endpoint takes no parameters.</p>
      ) : (
        <table className="docs-params" data-testid="docs-params">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Type</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {endpoint.params.map((p) => (
              <tr key={p.name}>
                <td>
                  <code>{p.name}</code>
                  {p.required ? <span className="required-mark"> *</span> : null}
                </td>
                <td>{p.in}</td>
                <td>
                  {typeHint(p.type)}
                  {p.type.kind === 'enum' ? `: ${p.type.values.join(', ')}` : ''}
                  {p.repeatable ? ', repeatable' : ''}
                </td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {(endpoint.families ?? []).length > 0 ? (
        <>
          <h3>Open-ended fields</h3>
          <dl className="docs-families">
            {(endpoint.families ?? []).map((id) => (
              <div key={id}>
                <dt>
                  <code>{id}</code> {paramFamilies[id].label}
                </dt>
                <dd>{paramFamilies[id].description}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <h3>Example response ({example.status})</h3>
      <pre className="docs-example">{typeof example.body === 'string' ? example.body : JSON.stringify(example.body, null, 2)}</pre>

      <p>
        <Button
          variant="link"
          data-testid="docs-open-external"
          disabled={!isOpenableDocsUrl(MAILGUN_API_REFERENCE) || open.isPending}
          onClick={() => open.mutate(MAILGUN_API_REFERENCE)}
        >
          Open Mailgun’s API reference in your browser ↗
        </Button>
      </p>
      {open.isError ? <ErrorNotice error={toAppError(open.error)} testId="docs-open-error" /> : null}
    </div>
  );
}
