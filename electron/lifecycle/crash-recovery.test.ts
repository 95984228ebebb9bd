import { describe, expect, it, vi } from 'vitest';
import { type ReloadableContents, type RenderProcessGoneDetails, reloadAfterCrash } from './crash-recovery';

function fakeContents() {
  let listener: ((event: unknown, details: RenderProcessGoneDetails) => void) | undefined;
  const reload = vi.fn<() => void>();
  const contents: ReloadableContents & { reload: typeof reload } = {
    on: (_event, handler) => {
      listener = handler;
    },
    isDestroyed: () => false,
    reload,
  };
  return { contents, gone: (reason: string) => listener?.({}, { reason, exitCode: 139 }) };
}

describe('a crashed renderer', () => {
  it('is reloaded, logged and announced', () => {
    const { contents, gone } = fakeContents();
    const notify = vi.fn();
    const logError = vi.fn();
    reloadAfterCrash({ contents, notify, logError });
    gone('crashed');
    expect(contents.reload).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ title: 'The window stopped unexpectedly and was reloaded' }));
    expect(String(logError.mock.calls[0]?.[1])).toContain('crashed (exit code 139)');
  });

  it('is not reloaded after a clean exit', () => {
    const { contents, gone } = fakeContents();
    const notify = vi.fn();
    reloadAfterCrash({ contents, notify, logError: vi.fn() });
    gone('clean-exit');
    expect(contents.reload).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('stops reloading one that keeps crashing and says so', () => {
    const { contents, gone } = fakeContents();
    const notify = vi.fn();
    let now = 0;
    reloadAfterCrash({ contents, notify, logError: vi.fn(), clock: () => now, maxReloads: 3, windowMs: 60_000 });
    for (let i = 0; i < 4; i += 1) {
      now += 1000;
      gone('oom');
    }
    expect(contents.reload).toHaveBeenCalledTimes(3);
    expect(notify).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'The window keeps stopping' }));
    now += 120_000;
    gone('oom');
    expect(contents.reload).toHaveBeenCalledTimes(4);
  });
});
