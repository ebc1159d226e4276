/** The spend probe's reading measured against the user's monthly budget (the provider knows no budget). */
export function spendOf(reading, budget) {
    const used = reading?.credit?.used;
    if (!reading || used === undefined || !Number.isFinite(used))
        return undefined;
    const spend = { month: new Date(reading.at).toISOString().slice(0, 7), used, currency: reading.credit?.currency ?? 'USD', source: reading.credit?.source ?? 'endpoint' };
    if (budget !== undefined) {
        spend.budget = budget;
        spend.left = Math.round((budget - used) * 100) / 100;
    }
    return spend;
}
