// What other features may use of the response viewer: the whole viewer for the workbench, and the parts the
// history detail reuses to show a stored answer the same way.
import './response.css';

export { useDebounced } from './body/BodySearch';
export { bodyShape } from './body/body-kind';
export { type BodySource, ResponseBody } from './body/ResponseBody';
export { useJsonDocument } from './body/use-json-document';
export { formatBytes, formatMs, formatTime } from './format';
export { ResponseViewer } from './ResponseViewer';
export { retainShownResponses } from './retention';
export { SendErrorPanel } from './SendErrorPanel';
export { StatusSummary, statusClass } from './StatusSummary';
