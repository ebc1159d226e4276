import { PROVIDER_IDS } from '../types.js';
import { json, readJsonBody, record, str } from './http.js';
import { isScenario } from './scenarios.js';
import { BEHAVIOURS, FAULTS } from './types.js';
const impacts = new Set(['minor', 'major', 'critical']);
function bad(message) {
    return json(400, { error: message });
}
async function scenarioCommand(req, hooks) {
    const body = record(await readJsonBody(req));
    const key = str(body.key);
    if (!key)
        return bad('expected JSON {"key": "<key>", "scenario": "<scenario>"}');
    // null or "auto" returns the key to the scenario its name asks for.
    if (body.scenario === null || body.scenario === 'auto') {
        hooks.setScenario(key, undefined);
        return json(200, { ok: true, scenario: 'auto' });
    }
    if (!isScenario(body.scenario))
        return json(400, { error: 'unknown scenario', scenarios: [...BEHAVIOURS, ...FAULTS] });
    hooks.setScenario(key, body.scenario);
    return json(200, { ok: true, scenario: body.scenario });
}
async function incidentCommand(req, hooks) {
    const body = record(await readJsonBody(req));
    const provider = body.provider;
    if (typeof provider !== 'string' || !PROVIDER_IDS.includes(provider))
        return bad('expected a provider id');
    if (body.incident === null || body.incident === undefined) {
        hooks.setIncident(provider, undefined);
        return json(200, { ok: true, incident: null });
    }
    const incident = record(body.incident);
    const name = str(incident.name);
    const impact = str(incident.impact);
    if (!name || !impact || !impacts.has(impact))
        return bad('expected incident {"name", "impact": "minor"|"major"|"critical", "url"?}');
    hooks.setIncident(provider, { name, impact: impact, url: str(incident.url) });
    return json(200, { ok: true });
}
/** Answers a `/_fake/...` request. */
export async function control(req, url, hooks) {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /_fake/scenario')
        return scenarioCommand(req, hooks);
    if (route === 'POST /_fake/incident')
        return incidentCommand(req, hooks);
    if (route === 'GET /_fake/scenarios')
        return json(200, { behaviours: BEHAVIOURS, faults: FAULTS });
    if (route === 'GET /_fake/requests')
        return json(200, hooks.requests());
    if (url.pathname === '/_fake/redirect-target') {
        const auth = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'].some(h => req.headers[h] !== undefined);
        return json(200, { redirected: true, from: url.searchParams.get('from'), credentialArrived: auth });
    }
    return json(404, { error: 'no such control endpoint', endpoints: ['POST /_fake/scenario', 'POST /_fake/incident', 'GET /_fake/scenarios', 'GET /_fake/requests'] });
}
