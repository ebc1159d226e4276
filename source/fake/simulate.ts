// `keywatch simulate`: the fake provider on its own, until SIGINT or SIGTERM.
import {waitForSignal} from '../app/signals.js';
import {PROVIDER_IDS} from '../types.js';
import {startFakeProvider} from './server.js';
import {BEHAVIOURS, FAULTS} from './types.js';

function describe(url: string, baseUrl: (p: (typeof PROVIDER_IDS)[number]) => string): string {
	const width = Math.max(...PROVIDER_IDS.map(p => p.length));
	const lines = [
		`keywatch fake provider listening on ${url} (127.0.0.1 only)`,
		'',
		'Base URLs (use with `keywatch add <provider> --base-url URL`):',
		...PROVIDER_IDS.map(p => `  ${p.padEnd(width)}  ${baseUrl(p)}`),
		`  ${'xai mgmt'.padEnd(width)}  ${url}/xai-management`,
		`Status pages: ${url}/status/<provider>/api/v2/summary.json`,
		'',
		'A key chooses its behaviour by name: sk-test-<scenario>-<anything> (any other key is healthy).',
		`  behaviours: ${BEHAVIOURS.join(', ')}`,
		`  faults:     ${FAULTS.join(', ')}`,
		'  e.g. sk-test-limited-1, sk-test-quota-2, sk-test-hang-3',
		'',
		'Control endpoint:',
		`  POST ${url}/_fake/scenario   {"key": "<key>", "scenario": "<scenario>" | null}`,
		`  POST ${url}/_fake/incident   {"provider": "openai", "incident": {"name": "...", "impact": "minor|major|critical", "url": "..."} | null}`,
		`  GET  ${url}/_fake/scenarios  GET ${url}/_fake/requests`,
		'',
		'Press Ctrl+C to stop.',
		'',
	];
	return lines.join('\n');
}

export async function runSimulate(options: {port?: number}): Promise<void> {
	const fake = await startFakeProvider({port: options.port});
	process.stdout.write(describe(fake.url, fake.baseUrl));
	await waitForSignal();
	await fake.close();
}
