import { useState } from 'react';
import type { CustomRequest } from '../../../shared/bridge/collections';
import { customRequestToCurl } from '../../../shared/curl/to-curl';
import { baseUrlFor } from '../../../shared/environments/regions';
import type { Environment } from '../../../shared/environments/types';
import type { RequestValues } from '../../../shared/request';
import { call, toAppError } from '../../bridge/client';
import { Button, showToast } from '../../ui';

export type CopyAsCurlProps =
  | { readonly environmentId: string; readonly endpointId: string; readonly values: RequestValues }
  | { readonly request: CustomRequest; readonly environment: Environment | null };

/** The command, with the key always as `$MAILGUN_API_KEY`: catalog requests take main's curl snippet, custom ones are written here. */
async function curlFor(props: CopyAsCurlProps): Promise<string> {
  if ('request' in props) {
    const env = props.environment;
    return customRequestToCurl(props.request, {
      baseUrl: env ? baseUrlFor(env) : 'https://api.mailgun.net',
      ...(env?.domain ? { domain: env.domain } : {}),
      ...(env?.subaccountId ? { subaccountId: env.subaccountId } : {}),
    });
  }
  const snippets = await call('generateSnippets', {
    environmentId: props.environmentId,
    endpointId: props.endpointId,
    values: props.values as never,
    language: 'curl',
  });
  const code = snippets[0]?.code;
  if (code === undefined) throw new Error('No curl command came back for this request.');
  return code;
}

/** "Copy as cURL" for the open request. */
export function CopyAsCurlButton(props: CopyAsCurlProps) {
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    setBusy(true);
    try {
      await navigator.clipboard.writeText(await curlFor(props));
      showToast('Copied as cURL. It reads the key from $MAILGUN_API_KEY.', 'ok');
    } catch (error) {
      showToast(`Not copied: ${toAppError(error).message} Open the Code tab and copy it from there.`, 'danger');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" data-testid="copy-as-curl" disabled={busy} onClick={() => void copy()} title="Copy this request as a curl command">
      Copy as cURL
    </Button>
  );
}
