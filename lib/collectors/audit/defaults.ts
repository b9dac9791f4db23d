// The default event-type → criteria table (admins edit it). Authentication and access
// changes prove logical access (CC6.x); monitoring of anomalies CC7.2; failed and denied
// access are security events to evaluate (CC7.3).
export const DEFAULT_ACTION_CRITERIA: Record<string, string[]> = {
  login: ["CC6.1", "CC7.2"],
  logout: ["CC6.1", "CC6.6"],
  login_failed: ["CC6.1", "CC7.2", "CC7.3"],
  user_registered: ["CC6.2"],
  email_verified: ["CC6.2"],
  invite_sent: ["CC6.2"],
  invite_accepted: ["CC6.2"],
  permission_changed: ["CC6.3"],
  role_changed: ["CC6.3"],
  user_suspended: ["CC6.2", "CC6.3"],
  user_reactivated: ["CC6.3"],
  user_deleted: ["CC6.2", "C1.2"],
  token_revoked: ["CC6.1", "CC6.6"],
  password_reset: ["CC6.1"],
  mfa_enabled: ["CC6.1"],
  key_created: ["CC6.1"],
  key_revoked: ["CC6.1", "CC6.6"],
  access_denied: ["CC6.1", "CC7.2", "CC7.3"],
  rate_limited: ["CC7.2"],
  superuser_action: ["CC6.7", "CC7.2"],
  data_export: ["CC6.7", "C1.1"],
};
