export {
  type DiagnoseContext,
  type Diagnosis,
  type DiagnosisAction,
  type DiagnosisId,
  diagnose,
  extractErrorMessage,
  formatDuration,
  type KeyKind,
  type Region,
  type RegionBoundResource,
  regionBoundResource,
  retryTime,
} from './diagnose';
export {
  EU_BASE_URL,
  explainStatus,
  MAX_MESSAGE_BYTES,
  MAX_REQUEST_BYTES,
  type StatusExplanation,
  statusExplanations,
  US_BASE_URL,
} from './explanations';
export { explainSmtp, type SmtpExplanation } from './smtp-codes';
