import { defineEndpoints, inPath } from '../define';
import type { GroupDef } from '../types';

export const emailPreviewGroup: GroupDef = {
  id: 'email-preview',
  title: 'Email Preview',
  description: 'Fetch screenshots of how a message renders in different email clients and devices.',
};

export const emailPreviewEndpoints = defineEndpoints('email-preview', [
  {
    id: 'email-preview.get-results',
    method: 'GET',
    path: '/v1/preview/tests/{test_id}/results',
    summary: 'Get the rendering results of a preview test',
    description:
      'Returns one entry per email client in the test, keyed by client id, with its status and screenshot links. Entries stay `null` or pending until that client has finished rendering, so poll until all are complete.',
    params: [inPath('test_id', { kind: 'string', format: 'id' }, 'a8f3c2d1e4b5', 'Id of the preview test.')],
    response: {
      gmail_chr26_win: {
        id: 'gmail_chr26_win',
        display_name: 'Gmail (Chrome)',
        client: 'gmail',
        os: 'Windows',
        category: 'Web',
        browser: 'Chrome',
        screenshots: { default: 'https://previews.example.com/a8f3c2d1e4b5/gmail_chr26_win.png' },
        thumbnail: 'https://previews.example.com/a8f3c2d1e4b5/gmail_chr26_win-thumb.png',
        full_thumbnail: 'https://previews.example.com/a8f3c2d1e4b5/gmail_chr26_win-full.png',
        status: 'Complete',
        status_details: { submitted: 1757323200, completed: 1757323260 },
      },
      outlook16: null,
    },
  },
]);
