// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './Button';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';
import { Menu } from './Menu';
import { isModalOpen } from './modal-stack';
import { SplitPane } from './SplitPane';
import { useGlobalShortcut } from './shortcuts';
import { Tabs } from './Tabs';
import { showToast, Toaster } from './Toast';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

function ShortcutProbe({ onSend }: { onSend: () => void }) {
  useGlobalShortcut((event) => {
    if (event.key === 'Enter' && event.ctrlKey) onSend();
  });
  return null;
}

function DialogHost({ onSend }: { onSend: () => void }) {
  const [open, setOpen] = useState(false);
  const [inner, setInner] = useState(false);
  return (
    <>
      <ShortcutProbe onSend={onSend} />
      <Button data-testid="opener" onClick={() => setOpen(true)}>
        Open
      </Button>
      {open ? (
        <Dialog title="Outer" testId="outer" onClose={() => setOpen(false)} actions={<Button onClick={() => setInner(true)}>More</Button>}>
          <input data-testid="outer-field" />
          {inner ? (
            <ConfirmDialog
              title="Sure?"
              confirmLabel="Yes"
              testId="inner"
              onConfirm={() => setInner(false)}
              onCancel={() => setInner(false)}
            />
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}

describe('Dialog', () => {
  it('joins the modal stack so global shortcuts stay quiet, and gives focus back when it closes', () => {
    const onSend = vi.fn();
    render(<DialogHost onSend={onSend} />);
    fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    expect(onSend).toHaveBeenCalledTimes(1);

    const opener = screen.getByTestId('opener');
    opener.focus();
    fireEvent.click(opener);
    expect(isModalOpen()).toBe(true);
    const field = screen.getByTestId('outer-field');
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    expect(onSend).toHaveBeenCalledTimes(1);

    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByTestId('outer')).toBeNull();
    expect(isModalOpen()).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('closes only the innermost dialog on Escape; a confirmation starts on Cancel', () => {
    render(<DialogHost onSend={() => undefined} />);
    fireEvent.click(screen.getByTestId('opener'));
    fireEvent.click(screen.getByText('More'));
    expect(document.activeElement).toBe(screen.getByTestId('inner-cancel'));
    expect(screen.getByTestId('inner').getAttribute('role')).toBe('alertdialog');
    fireEvent.keyDown(screen.getByTestId('inner-cancel'), { key: 'Escape' });
    expect(screen.queryByTestId('inner')).toBeNull();
    expect(screen.getByTestId('outer')).toBeTruthy();
    expect(isModalOpen()).toBe(true);
  });

  it('keeps Tab inside', () => {
    render(<DialogHost onSend={() => undefined} />);
    fireEvent.click(screen.getByTestId('opener'));
    const more = screen.getByText('More');
    more.focus();
    fireEvent.keyDown(more, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByTestId('outer-field'));
    fireEvent.keyDown(screen.getByTestId('outer-field'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(more);
  });
});

function TabsHost() {
  const [selected, setSelected] = useState<'a' | 'b' | 'c'>('a');
  const region = useRef<HTMLDivElement>(null);
  return (
    <div ref={region}>
      <Tabs
        items={[
          { id: 'a', label: 'A', testId: 'tab-a' },
          { id: 'b', label: 'B', testId: 'tab-b' },
          { id: 'c', label: 'C', testId: 'tab-c' },
        ]}
        selected={selected}
        onSelect={setSelected}
        label="Letters"
        idPrefix="letters"
        cycleWithin={region}
      />
      <input data-testid="inside" />
    </div>
  );
}

describe('Tabs', () => {
  const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;

  it('moves with the arrows, Home and End, and keeps only the selected tab in the Tab order', () => {
    render(<TabsHost />);
    const a = screen.getByTestId('tab-a');
    fireEvent.keyDown(a, { key: 'ArrowRight' });
    expect(selectedTab()).toBe('B');
    expect(document.activeElement).toBe(screen.getByTestId('tab-b'));
    fireEvent.keyDown(screen.getByTestId('tab-b'), { key: 'End' });
    expect(selectedTab()).toBe('C');
    fireEvent.keyDown(screen.getByTestId('tab-c'), { key: 'ArrowRight' });
    expect(selectedTab()).toBe('A');
    fireEvent.keyDown(screen.getByTestId('tab-a'), { key: 'ArrowLeft' });
    expect(selectedTab()).toBe('C');
    fireEvent.keyDown(screen.getByTestId('tab-c'), { key: 'Home' });
    expect(selectedTab()).toBe('A');
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByTestId('tab-a').getAttribute('aria-controls')).toBe('letters-panel-a');
  });

  it('cycles with Ctrl+Tab and Ctrl+PageUp from inside its region only', () => {
    render(<TabsHost />);
    const inside = screen.getByTestId('inside');
    fireEvent.keyDown(inside, { key: 'Tab', ctrlKey: true });
    expect(selectedTab()).toBe('B');
    fireEvent.keyDown(inside, { key: 'PageUp', ctrlKey: true });
    expect(selectedTab()).toBe('A');
    fireEvent.keyDown(inside, { key: 'Tab', ctrlKey: true, shiftKey: true });
    expect(selectedTab()).toBe('C');
    fireEvent.keyDown(document.body, { key: 'Tab', ctrlKey: true });
    expect(selectedTab()).toBe('C');
  });
});

describe('Menu', () => {
  it('focuses the first item, moves with arrows and letters, chooses with a click and closes on Escape', () => {
    const chosen = vi.fn();
    const onClose = vi.fn();
    render(
      <Menu
        label="Tab actions"
        testId="menu"
        at={{ x: 10, y: 10 }}
        onClose={onClose}
        items={[
          { id: 'close', label: 'Close', onSelect: () => chosen('close') },
          { id: 'others', label: 'Close others', onSelect: () => chosen('others'), disabled: true },
          { id: 'duplicate', label: 'Duplicate', onSelect: () => chosen('duplicate') },
        ]}
      />,
    );
    expect(isModalOpen()).toBe(true);
    expect(document.activeElement).toBe(screen.getByTestId('menu-close'));
    fireEvent.keyDown(screen.getByTestId('menu-close'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByTestId('menu-duplicate'));
    fireEvent.keyDown(screen.getByTestId('menu-duplicate'), { key: 'c' });
    expect(document.activeElement).toBe(screen.getByTestId('menu-close'));
    fireEvent.click(screen.getByTestId('menu-others'));
    expect(chosen).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('menu-duplicate'));
    expect(chosen).toHaveBeenCalledWith('duplicate');
    fireEvent.keyDown(screen.getByTestId('menu-close'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

describe('SplitPane', () => {
  it('resizes with the keyboard and remembers the size', () => {
    const view = render(
      <SplitPane
        direction="row"
        first="side"
        second="main"
        storageKey="test"
        unit="px"
        defaultSize={300}
        minFirst={200}
        minSecond={0}
        label="Resize"
        testId="split"
      />,
    );
    const handle = screen.getByTestId('split-handle');
    expect(handle.getAttribute('role')).toBe('separator');
    // A separator that can be focused must state its value (axe: aria-required-attr).
    expect(handle.getAttribute('aria-valuenow')).toBe('300');
    expect(handle.getAttribute('aria-valuemin')).toBe('200');
    const first = () => (view.container.querySelector('.ui-split-first') as HTMLElement).style.getPropertyValue('--ui-split-size');
    expect(first()).toContain('300px');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(first()).toContain('324px');
    fireEvent.keyDown(handle, { key: 'Home' });
    expect(first()).toContain('200px');
    view.unmount();
    render(
      <SplitPane
        direction="row"
        first="side"
        second="main"
        storageKey="test"
        unit="px"
        defaultSize={300}
        minFirst={200}
        minSecond={0}
        label="Resize"
        testId="split"
      />,
    );
    expect((document.querySelector('.ui-split-first') as HTMLElement).style.getPropertyValue('--ui-split-size')).toBe('200px');
  });
});

describe('Toast', () => {
  it('announces a message in a polite live region', () => {
    render(<Toaster />);
    act(() => showToast('Copied.', 'ok'));
    expect(screen.getByTestId('toaster').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('toast').textContent).toContain('Copied.');
    fireEvent.click(screen.getByLabelText('Dismiss'));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
