const dayMs = 86_400_000;
// Google resets daily quotas at midnight Pacific; a fixed UTC-8 ignores daylight saving on purpose.
const pacificOffsetMs = 8 * 3_600_000;
export function periodEnd(period, now) {
    if (typeof period === 'object')
        return now + period.rollingMs;
    if (period === 'utc-day')
        return (Math.floor(now / dayMs) + 1) * dayMs;
    if (period === 'pacific-day')
        return (Math.floor((now - pacificOffsetMs) / dayMs) + 1) * dayMs + pacificOffsetMs;
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
export function unitCost(unit, costs) {
    if (unit === 'requests')
        return costs.requests;
    if (unit === 'input')
        return costs.input;
    if (unit === 'output')
        return costs.output;
    return costs.input + costs.output;
}
/** One key's rate windows and spend at one provider. Windows refill when the injected clock passes them. */
export class KeyState {
    specs;
    scenario;
    limitedWindow;
    dailyWindow;
    #slots = new Map();
    /** Money spent through headroom calls, in USD. */
    spentUsd = 0;
    constructor(specs, scenario, limitedWindow, dailyWindow) {
        this.specs = specs;
        this.scenario = scenario;
        this.limitedWindow = limitedWindow;
        this.dailyWindow = dailyWindow;
    }
    window(id, now) {
        const spec = this.specs.find(s => s.id === id);
        if (!spec)
            return undefined;
        const slot = this.#slot(spec, now);
        const remaining = Math.max(0, spec.limit - slot.used);
        return { id, unit: spec.unit, limit: spec.limit, used: slot.used, remaining, resetAt: slot.resetAt };
    }
    views(now) {
        return this.specs.map(s => this.window(s.id, now));
    }
    /** Spend `costs` from every window, or spend nothing and name the first window that cannot pay. */
    consume(costs, now) {
        for (const spec of this.specs) {
            const view = this.window(spec.id, now);
            const cost = unitCost(spec.unit, costs);
            if (cost > 0 && view.remaining < cost)
                return { ok: false, window: view };
        }
        for (const spec of this.specs)
            this.#slot(spec, now).used += unitCost(spec.unit, costs);
        return { ok: true };
    }
    #slot(spec, now) {
        let slot = this.#slots.get(spec.id);
        if (!slot || now >= slot.resetAt) {
            slot = { used: this.#initialUse(spec), resetAt: periodEnd(spec.period, now) };
            this.#slots.set(spec.id, slot);
        }
        return slot;
    }
    #initialUse(spec) {
        if (this.scenario === 'low')
            return spec.limit - Math.max(1, Math.floor(spec.limit * 0.05));
        if (this.scenario === 'limited' && spec.id === this.limitedWindow)
            return spec.limit;
        if (this.scenario === 'daily_cap' && spec.id === this.dailyWindow)
            return spec.limit;
        return 0;
    }
}
/** Every key's state, per provider. Bounded so thousands of throwaway keys cannot grow it forever. */
export class StateStore {
    maxKeys;
    #states = new Map();
    constructor(maxKeys = 50_000) {
        this.maxKeys = maxKeys;
    }
    get(provider, key, create) {
        const id = `${provider}\u0000${key}`;
        let state = this.#states.get(id);
        if (!state) {
            if (this.#states.size >= this.maxKeys) {
                const oldest = this.#states.keys().next().value;
                if (oldest !== undefined)
                    this.#states.delete(oldest);
            }
            state = create();
            this.#states.set(id, state);
        }
        return state;
    }
    /** Forget a key everywhere, so its next request starts fresh under its new scenario. */
    forget(key) {
        for (const id of [...this.#states.keys()])
            if (id.endsWith(`\u0000${key}`))
                this.#states.delete(id);
    }
}
