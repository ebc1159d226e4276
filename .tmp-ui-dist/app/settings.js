/** Flags win over the config file, which wins over the defaults. */
export function resolveSettings(options, file = {}) {
    return {
        intervalMs: (options.interval ?? file.intervalSeconds ?? 60) * 1000,
        headroomIntervalMs: (options.headroomInterval ?? file.headroomIntervalSeconds ?? 300) * 1000,
        timeoutMs: (options.timeout ?? file.timeoutSeconds ?? 10) * 1000,
        noSpend: options.spend === false || file.noSpend === true,
    };
}
