/**
 * Mailgun's size limits, defined once for the catalog, the diagnoses and the sandbox.
 * Mailgun writes "25 MB" and its front end reports the request cap in MiB, so the message cap is read as
 * 25 MiB: the larger reading, so the app never refuses a message Mailgun would take.
 */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
/** The HTTP request size at which Mailgun's front end refuses the upload (52.4 MiB). */
export const MAX_REQUEST_BYTES = Math.round(52.4 * 1024 * 1024);
