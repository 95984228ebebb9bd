import './curl-import.css';

export { CopyAsCurlButton, type CopyAsCurlProps } from './CopyAsCurlButton';
export { ImportCurlButton, ImportCurlDialog, openImportCurl } from './ImportCurlDialog';
export { ImportNotices } from './ImportNotices';
export { type OpenPastedResult, openPasted, type PastedInto, useOpenPasted } from './open-pasted';
