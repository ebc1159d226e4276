import { z } from 'zod';
export const webhookConfigSchema = z.object({
    // The URL is the credential (Slack's incoming webhooks): it is masked wherever keywatch prints it.
    url: z.url({ protocol: /^https?$/, error: 'webhook url must be an http(s) URL' }),
    format: z.enum(['slack', 'json']).default('slack'),
});
export const alertConfigSchema = z.object({
    bell: z.boolean().optional(),
    desktop: z.boolean().optional(),
    webhooks: z.array(webhookConfigSchema).optional(),
    cooldownMinutes: z.number().min(0).max(7 * 24 * 60).optional(),
    /** Consecutive readings before a change counts (default 2). */
    hysteresis: z.number().int().min(1).max(20).optional(),
});
