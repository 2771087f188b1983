/**
 * The server's own texts and rules that the cabinet shows, imported from the
 * server's modules (plain data without imports), so each lives in one place:
 * field labels, role and sign-in method names, external sign-in messages, the
 * СНИЛС format.
 */
export { FIELD_LABELS, ORG_ROLE_LABELS } from '../../../src/platform/http/labels';
export { METHOD_LABELS, OIDC_ERROR_MESSAGES } from '../../../src/features/identity/texts';
export { formatSnils } from '../../../src/domain/identifiers';
export { WORKS_KIND_LABELS, WORKS_DOCUMENT_LABELS, FACILITY_KIND_LABELS, OWNERSHIP_LABELS, REGISTER_STATUS_LABELS, REGISTER_ACTION_LABELS } from '../../../src/features/registers/labels';
export {
  MEETING_STAGES,
  MEETING_KIND_LABELS,
  MEETING_FORM_LABELS,
  MEETING_STATUS_LABELS,
  OWNER_KIND_LABELS,
  OWNERSHIP_LABELS as MEETING_OWNERSHIP_LABELS,
  PREMISE_KIND_LABELS,
  CHOICE_LABELS,
  MAJORITY_RULES,
  QUORUM_RULE,
  GIS_STATUS_LABELS,
  REGISTER_COLUMNS,
  VOTE_COLUMNS,
  VOTE_IMPORT_RULES,
  SCAN_KINDS_TEXT,
  GIS_SIMULATOR_NOTICE,
} from '../../../src/features/meetings/texts';
