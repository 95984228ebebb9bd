import { defineEndpoints, inBody } from '../define';
import { domainPath } from '../params';
import type { GroupDef } from '../types';

export const dkimSecurityGroup: GroupDef = {
  id: 'dkim-security',
  title: 'DKIM security',
  description: 'Automatic key rotation for domains that use Automatic Sender Security (Mailgun-managed DKIM through CNAME records).',
};

const domainNamePath = domainPath('name', 'A domain with Automatic Sender Security enabled.');

export const dkimSecurityEndpoints = defineEndpoints('dkim-security', [
  {
    id: 'dkim-security.update-rotation',
    method: 'PUT',
    path: '/v1/dkim_management/domains/{name}/rotation',
    summary: 'Configure automatic DKIM key rotation',
    description:
      'Turns scheduled rotation of the managed DKIM key on or off and sets how often it happens (no more often than every 5 days).',
    encoding: 'multipart',
    params: [
      domainNamePath,
      inBody('rotation_enabled', { kind: 'boolean', style: 'true-false' }, true, 'true starts scheduled rotation, false stops it.', {
        required: true,
      }),
      inBody(
        'rotation_interval',
        { kind: 'string' },
        '30d',
        'Time between rotations as a number of days with a d suffix, 5d at least. Only allowed while enabling rotation.',
      ),
    ],
    response: {
      domain: {
        id: '6668173c9f2b4e4a1d8e5c21',
        account_id: '5f1c0a2b3d4e5f6a7b8c9d0e',
        sid: '4821',
        name: 'mg.example.com',
        state: 'enabled',
        active_selector: 'pdk1',
        rotation_enabled: 'true',
        rotation_interval: '720h',
        records: [
          {
            name: 'pdk1._domainkey.mg.example.com',
            type: 'CNAME',
            identifier: 'DKIM',
            value: 'pdk1._domainkey.4821.service.mailgun.com',
            comment: 'DKIM key delegated to Mailgun',
          },
          {
            name: 'pdk2._domainkey.mg.example.com',
            type: 'CNAME',
            identifier: 'DKIM',
            value: 'pdk2._domainkey.4821.service.mailgun.com',
            comment: 'DKIM key delegated to Mailgun',
          },
        ],
      },
    },
  },
  {
    id: 'dkim-security.rotate',
    method: 'POST',
    path: '/v1/dkim_management/domains/{name}/rotate',
    summary: 'Rotate the DKIM key now',
    description:
      'Switches the domain to its next managed key immediately, whether or not scheduled rotation is on. The domain must be in the enabled state.',
    params: [domainNamePath],
    response: { message: 'ok' },
  },
]);
