// `keywatch simulate`: the fake provider on its own, until SIGINT or SIGTERM.
import { PROVIDER_IDS } from '../types.js';
import { startFakeProvider } from './server.js';
import { BEHAVIOURS, FAULTS } from './types.js';
function describe(url, baseUrl) {
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
export async function runSimulate(options) {
    const fake = await startFakeProvider({ port: options.port });
    process.stdout.write(describe(fake.url, fake.baseUrl));
    await new Promise(resolve => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
    await fake.close();
}
