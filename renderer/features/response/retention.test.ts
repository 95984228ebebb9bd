import { describe, expect, it, vi } from 'vitest';
import type { ResponseRecord } from '../../../shared/requests/types';
import { openBodyStream } from '../../bridge/body-stream';
import { retainShownResponses } from './retention';
import { streamedText } from './streamed-bodies';
import { testResponse } from './test-helpers';

vi.mock('../../bridge/body-stream', () => ({ openBodyStream: vi.fn(() => () => undefined) }));

const streamed = (streamId: string): ResponseRecord => ({ ...testResponse(), body: { kind: 'stream', streamId } });

describe('retainShownResponses', () => {
  it('lets go of the streamed text of a response no tab can show again, and keeps the others', () => {
    const kept = streamedText('kept');
    const closed = streamedText('closed');
    expect(streamedText('kept')).toBe(kept);
    expect(vi.mocked(openBodyStream)).toHaveBeenCalledTimes(2);

    retainShownResponses([streamed('kept'), testResponse({ text: '{}' })]);
    expect(streamedText('kept')).toBe(kept);
    // Not held any more: asking again would open the stream anew.
    expect(streamedText('closed')).not.toBe(closed);
    expect(vi.mocked(openBodyStream)).toHaveBeenCalledTimes(3);
  });
});
