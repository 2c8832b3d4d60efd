/**
 * Every error Derbes returns, defined once: a stable code, its HTTP status and
 * a short title. `docs/errors.md` documents each one; a test keeps the two in step.
 */
export const ERROR_CODES = {
  DERBES_VALIDATION: { status: 400, title: 'The request is not valid' },
  DERBES_POLICY_INVALID: { status: 422, title: 'The policy document is not valid' },
  DERBES_POLICY_OPERATOR_MISMATCH: { status: 422, title: 'The policy belongs to another operator' },
  DERBES_POLICY_VERSION_EXISTS: { status: 409, title: 'A policy version with this id already exists' },
  DERBES_POLICY_VERSION_NOT_FOUND: { status: 404, title: 'No such policy version' },
  DERBES_POLICY_VERSION_NOT_APPROVED: { status: 409, title: 'The version must be approved before it is published' },
  DERBES_POLICY_VERSION_ALREADY_APPROVED: { status: 409, title: 'The version is already approved' },
  DERBES_POLICY_NOT_PUBLISHED: { status: 404, title: 'The operator has no published policy' },
  DERBES_OPERATOR_NOT_FOUND: { status: 404, title: 'No such operator' },
  DERBES_OPERATOR_EXISTS: { status: 409, title: 'An operator with this id already exists' },
  DERBES_LANGUAGE_NOT_SUPPORTED: { status: 404, title: 'The notice is published in kk, ru and en only' },
  DERBES_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The body must be YAML or JSON' },
  DERBES_AUDIT_CHAIN_BROKEN: { status: 409, title: "The operator's audit chain is broken" },
  DERBES_AUDIT_ENTRY_INVALID: { status: 500, title: 'An audit entry could not be recorded' },
  DERBES_AUDIT_SIGNING_KEY_INVALID: { status: 500, title: 'The audit signing key is not usable' },
  DERBES_UNAUTHENTICATED: { status: 401, title: 'Credentials are missing or not valid' },
  DERBES_FORBIDDEN: { status: 403, title: 'These credentials may not do this' },
  DERBES_ACCESS_BASIS_REQUIRED: { status: 400, title: 'Reading personal data needs a basis the policy allows' },
  DERBES_NOT_FOUND: { status: 404, title: 'No such resource' },
  DERBES_CONFIG_INVALID: { status: 500, title: 'The configuration is not valid' },
  DERBES_IDENTIFIER_INVALID: { status: 400, title: 'The identifier is not a valid IIN, phone, e-mail or document number' },
  DERBES_VAULT_DECRYPT_FAILED: { status: 500, title: 'A stored personal-data value could not be decrypted' },
  DERBES_VAULT_KEY_UNWRAP_FAILED: { status: 500, title: "A subject's data key could not be unwrapped" },
  DERBES_VAULT_KEYRING_INVALID: { status: 500, title: "The operator's keyring is unreadable or malformed" },
  DERBES_VAULT_KEYRING_BUSY: { status: 503, title: "The operator's keyring is being changed by another process" },
  DERBES_NOT_READY: { status: 503, title: 'Derbes is not ready' },
  DERBES_INTERNAL: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERROR_CODES
