/** Byte counts as people read them: 512 B, 14.2 KB, 48.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** Durations: 850 ms, 2.4 s, 1 min 5 s. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

// toLocaleString builds a new formatter (and loads locale data) on every call: about 10 ms the first
// time, inside the task that shows a response. One formatter each, made while the app is idle.
let timeFormat: Intl.DateTimeFormat | undefined;
let countFormat: Intl.NumberFormat | undefined;
const timeFormatter = () => {
  timeFormat ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  return timeFormat;
};
const countFormatter = () => {
  countFormat ??= new Intl.NumberFormat('en-GB');
  return countFormat;
};
if (typeof requestIdleCallback === 'function') {
  requestIdleCallback(() => {
    timeFormatter();
    countFormatter();
  });
}

export function formatTime(epochMs: number): string {
  return timeFormatter().format(epochMs);
}

/** Counts with thousands separators: 12,345. */
export function formatCount(count: number): string {
  return countFormatter().format(count);
}
