import { BEHAVIOURS, FAULTS, SCENARIOS } from './types.js';
const scenarioSet = new Set(SCENARIOS);
const faultSet = new Set(FAULTS);
export function isScenario(value) {
    return typeof value === 'string' && scenarioSet.has(value);
}
export function isFault(scenario) {
    return faultSet.has(scenario);
}
export function isBehaviour(scenario) {
    return BEHAVIOURS.includes(scenario);
}
// `sk-test-limited-1`, and the same marker after any family prefix: `sk-ant-test-quota-2`, `gsk_test-low-x`.
const marker = /(?:^|[-_])test-([a-z_]+?)(?=-|$)/;
/** The scenario a key's name asks for; any other key is healthy. */
export function scenarioFromName(key) {
    const found = marker.exec(key)?.[1];
    return found && isScenario(found) ? found : 'healthy';
}
/** Scenarios chosen by name, unless a test or the demo switched the key at runtime. */
export class ScenarioBook {
    #overrides = new Map();
    forKey(key) {
        return this.#overrides.get(key) ?? scenarioFromName(key);
    }
    set(key, scenario) {
        if (scenario === undefined)
            this.#overrides.delete(key);
        else
            this.#overrides.set(key, scenario);
    }
}
// Answers about the key or the account itself come back from every endpoint.
const everywhere = new Set(['invalid', 'echo_key', 'suspended', 'permission', 'region', 'overloaded', 'outage']);
// Answers about spending (money, models, content) come back only from calls that spend.
const onSpend = new Set(['quota', 'billing', 'model_access', 'verification', 'content_policy']);
/**
 * Whether a behaviour replaces the route's own answer. `healthy`, `low`, `limited` and `daily_cap` never
 * do: they live in the key's rate windows and balances, which the routes read.
 */
export function behaviourApplies(behaviour, probe) {
    if (probe === 'public')
        return behaviour === 'overloaded' || behaviour === 'outage';
    if (everywhere.has(behaviour))
        return true;
    return onSpend.has(behaviour) && probe === 'headroom';
}
