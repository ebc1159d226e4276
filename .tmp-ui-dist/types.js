// The shared vocabulary of keywatch's four layers (providers → diagnosis → monitor → ui).
// Plain data only: everything here must survive JSON.stringify, so `check --json`,
// `serve /state` and `--remote` can move it between processes unchanged.
export const PROVIDER_IDS = [
    'openai',
    'anthropic',
    'gemini',
    'openrouter',
    'groq',
    'mistral',
    'deepseek',
    'xai',
    'azure_openai',
    'together',
    'openai_compatible',
];
/** Every verdict kind, from issue #3. Exactly one per verdict. */
export const VERDICT_KINDS = [
    'ok',
    'invalid_key',
    'quota_exhausted',
    'billing',
    'rate_limited',
    'model_access',
    'permission',
    'verification_required',
    'region_blocked',
    'suspended',
    'content_policy',
    'overloaded',
    'outage',
    'network',
    'bad_request',
    'unknown',
];
/** The one-word state a row shows. */
export const STATUSES = ['OK', 'LOW', 'LIMITED', 'DENIED', 'DOWN', 'CHECKING'];
