import type {Settings} from '../config/schema.js';
import type {CommonOptions} from './options.js';

export type RunSettings = {intervalMs: number; headroomIntervalMs: number; timeoutMs: number; noSpend: boolean};

/** Flags win over the config file, which wins over the defaults. */
export function resolveSettings(options: CommonOptions, file: Settings = {}): RunSettings {
	return {
		intervalMs: (options.interval ?? file.intervalSeconds ?? 60) * 1000,
		headroomIntervalMs: (options.headroomInterval ?? file.headroomIntervalSeconds ?? 300) * 1000,
		timeoutMs: (options.timeout ?? file.timeoutSeconds ?? 10) * 1000,
		noSpend: options.spend === false || file.noSpend === true,
	};
}
