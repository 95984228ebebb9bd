export { AppErrorBoundary } from './AppErrorBoundary';
export { reportUncaughtErrors } from './report-error';
