export { CustomRequestView } from './CustomRequestView';
export { SavedRequestsPanel, type SavedRequestsPanelProps } from './SavedRequestsPanel';
export { SaveRequestButton } from './SaveRequestButton';
