/**
 * Status and wording for a behaviour a provider has no documented answer for. The body still uses the
 * provider's own error shape (ProviderModule.error); only the message is generic. Every provider file
 * overrides the behaviours providers.md quotes.
 */
export function fallbackFor(behaviour, key, model) {
    switch (behaviour) {
        case 'quota':
            return { status: 402, message: 'Insufficient balance. Add credits to continue.' };
        case 'billing':
            return { status: 402, message: 'There is a problem with the billing details of this account.' };
        case 'invalid':
            return { status: 401, message: 'Invalid API key.' };
        case 'suspended':
            return { status: 403, message: 'This account has been suspended.' };
        case 'permission':
            return { status: 403, message: 'This API key does not have permission to use this resource.' };
        case 'model_access':
            return { status: 404, message: `The model \`${model}\` does not exist or you do not have access to it.` };
        case 'region':
            return { status: 403, message: 'This service is not available in your country, region or territory.' };
        case 'verification':
            return { status: 403, message: 'Your organization must be verified to use this model.' };
        case 'content_policy':
            return { status: 400, message: 'The request was rejected by the content policy.' };
        case 'overloaded':
            return { status: 503, message: 'The service is overloaded. Please try again later.' };
        case 'outage':
            return { status: 500, message: 'Internal server error.' };
        case 'echo_key':
            return { status: 401, message: `Incorrect API key provided: ${key}.` };
        default:
            return undefined;
    }
}
/** Terminal escapes and control characters a hostile provider puts in a message. */
export const ESCAPES_MESSAGE = 'Invalid request \u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b[31mRED\u001b[0m \u001b[10A\r\b\u0000\u0007 \u009b31m tail';
