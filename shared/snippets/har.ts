import { isFileField, type SnippetRequest } from './model';

/**
 * The HAR request httpsnippet reads. Authorization carries a marker instead
 * of credentials; the per-language fixes swap it for idiomatic Basic auth
 * reading the key from the environment.
 */
export const authMarker = '__MAILGUN_BASIC_AUTH__';

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: [];
  readonly headers: { name: string; value: string }[];
  readonly queryString: { name: string; value: string }[];
  readonly headersSize: -1;
  readonly bodySize: -1;
  readonly postData?: {
    mimeType: string;
    text?: string;
    params?: { name: string; value?: string; fileName?: string; contentType?: string }[];
  };
}

export function toHar(request: SnippetRequest): HarRequest {
  const url = new URL(request.url);
  const queryString = [...url.searchParams.entries()].map(([name, value]) => ({ name, value }));
  const headers = [{ name: 'Authorization', value: `Basic ${authMarker}` }, ...request.headers.map(([name, value]) => ({ name, value }))];
  const har: HarRequest = {
    method: request.method,
    url: `${url.origin}${url.pathname}`,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString,
    headersSize: -1,
    bodySize: -1,
  };
  const { body } = request;
  switch (body.kind) {
    case 'none':
      return har;
    case 'text':
      return { ...har, postData: { mimeType: body.mimeType, text: body.text } };
    case 'form':
      headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
      return {
        ...har,
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          params: body.fields.map((field) => (isFileField(field) ? { name: field.name, value: '' } : { ...field })),
        },
      };
    case 'multipart':
      return {
        ...har,
        postData: {
          mimeType: 'multipart/form-data',
          params: body.fields.map((field) =>
            isFileField(field)
              ? { name: field.name, fileName: field.fileName, contentType: 'application/octet-stream' }
              : { name: field.name, value: field.value },
          ),
        },
      };
  }
}
