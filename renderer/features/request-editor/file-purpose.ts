import type { EndpointDef, ParamDef } from '../../../shared/catalog/types';
import type { FilePurpose } from './controls/FilePicker';

/** Tells main which dialog filters to offer; it never changes what is sent. */
export function filePurpose(endpoint: EndpointDef, param: ParamDef): FilePurpose {
  if (param.name === 'attachment') return 'attachment';
  if (param.name === 'inline') return 'inline';
  const accept = param.type.kind === 'file' ? (param.type.accept ?? '') : '';
  if (accept.includes('csv') || /import|bulk|members/i.test(`${endpoint.id} ${endpoint.path}`)) return 'import';
  return 'other';
}
