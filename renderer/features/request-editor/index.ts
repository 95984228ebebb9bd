export { type EditorDraft, emptyDraft, fromRequestValues, toRequestValues } from './draft';
export { RequestEditor } from './RequestEditor';
export { UrlPreview } from './UrlPreview';
