import { classifyValue, type InvestigateTarget } from '../../../shared/support/investigate-target';
import { openEndpoint } from '../../app/workbench-store';
import type { MenuItem } from '../../ui';
import { investigate } from './investigate-store';

/** The workbench call that shows a value on its own, with the value filled in. */
function workbenchCall(target: InvestigateTarget): { endpointId: string; params: Record<string, string> } {
  switch (target.kind) {
    case 'address':
      return { endpointId: 'bounces.get', params: { address: target.value } };
    case 'message-id':
      return { endpointId: 'events.list', params: { 'message-id': target.value } };
    case 'domain':
      return { endpointId: 'domains.get', params: { name: target.value } };
    case 'template':
      return { endpointId: 'templates.get', params: { template_name: target.value } };
    case 'ip':
      return { endpointId: 'ips.get', params: { ip: target.value } };
  }
}

function domainOf(target: InvestigateTarget): string | null {
  if (target.kind === 'domain') return target.value;
  // A Message-ID names the sending domain after its @.
  if (target.kind === 'message-id') return target.value.slice(target.value.lastIndexOf('@') + 1).toLowerCase() || null;
  return null;
}

/**
 * The "investigate" entries for a value's context menu, or none when the
 * value is nothing the tools know. `key` is the name the value sits under.
 */
export function investigateMenuItems(value: string, key?: string | null): MenuItem[] {
  const target = classifyValue(value, key);
  if (target === null) return [];
  const items: MenuItem[] = [];
  if (target.kind === 'address') {
    items.push({
      id: 'investigate-recipient',
      label: 'Investigate recipient',
      onSelect: () => investigate({ tool: 'recipient', address: target.value }),
    });
    items.push({ id: 'investigate-trace', label: 'Trace message', onSelect: () => investigate({ tool: 'trace', address: target.value }) });
  }
  if (target.kind === 'message-id')
    items.push({
      id: 'investigate-trace',
      label: 'Trace message',
      onSelect: () => investigate({ tool: 'trace', messageId: target.value }),
    });
  const domain = domainOf(target);
  if (domain !== null)
    items.push({ id: 'investigate-health', label: 'Domain health', onSelect: () => investigate({ tool: 'health', domain }) });
  const call = workbenchCall(target);
  items.push({
    id: 'investigate-workbench',
    label: 'Open in workbench',
    onSelect: () => openEndpoint(call.endpointId, { params: call.params }),
  });
  return items;
}

/**
 * The entries for several values at once, such as the domain and recipient of
 * a sent request: each entry names what it acts on when there is more than
 * one value, and an action that two values share (the domain of a Message-ID
 * and the request's own domain) is offered once.
 */
export function investigateEachMenuItems(values: readonly { readonly value: string; readonly field?: string }[]): MenuItem[] {
  const groups = values.flatMap(({ value, field }) => {
    const target = classifyValue(value, field);
    return target === null ? [] : [{ target, items: investigateMenuItems(value, field) }];
  });
  if (groups.length === 1) return groups[0]?.items ?? [];
  const seen = new Set<string>();
  return groups.flatMap(({ target, items }, index) =>
    items.flatMap((item) => {
      const label = `${item.label}: ${item.id === 'investigate-health' ? domainOf(target) : target.value}`;
      if (seen.has(label)) return [];
      seen.add(label);
      return [{ ...item, id: `${item.id}-${index}`, label }];
    }),
  );
}
