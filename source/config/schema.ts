import {z} from 'zod';
import {PROVIDER_IDS} from '../types.js';

export const secretRefSchema = z.discriminatedUnion('type', [
	z.object({type: z.literal('env'), name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')}),
	z.object({type: z.literal('command'), command: z.string().min(1)}),
	z.object({type: z.literal('value'), value: z.string().min(1)}),
	z.object({type: z.literal('keyring'), account: z.string().min(1).max(200)}),
]);

export const keyConfigSchema = z.object({
	name: z.string().min(1).max(64).regex(/^[\w.@:-]+$/, 'use letters, digits and . _ - @ : only'),
	provider: z.enum(PROVIDER_IDS),
	secret: secretRefSchema,
	admin: secretRefSchema.optional(),
	baseUrl: z.url().optional(),
	noSpend: z.boolean().optional(),
	backup: z.boolean().optional(),
	settings: z
		.object({
			deployment: z.string().optional(),
			apiVersion: z.string().optional(),
			model: z.string().optional(),
			tier: z.string().optional(),
			budget: z.number().positive().optional(),
			lowThreshold: z.number().gt(0).lt(1).optional(),
			lowBalance: z.number().nonnegative().optional(),
		})
		.optional(),
});

export const settingsSchema = z.object({
	intervalSeconds: z.number().min(5).max(86_400).optional(),
	headroomIntervalSeconds: z.number().min(30).max(86_400).optional(),
	timeoutSeconds: z.number().min(1).max(120).optional(),
	noSpend: z.boolean().optional(),
	/** Read the providers' public status pages (default true). */
	statusPages: z.boolean().optional(),
	/** Keep each key's trend in history.json across restarts (default true); `--no-save-history` for one run. */
	saveHistory: z.boolean().optional(),
	/** Run the local proxy inside the live view (`keywatch proxy` runs it on its own). Port 0 picks a free one. */
	proxy: z
		.object({
			enabled: z.boolean(),
			port: z.number().int().min(0).max(65_535).optional(),
		})
		.optional(),
});

export const configSchema = z.object({
	keys: z.array(keyConfigSchema).default([]),
	settings: settingsSchema.default({}),
	alerts: z.unknown().optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;
export type Settings = z.infer<typeof settingsSchema>;
