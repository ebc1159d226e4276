// The checks the scrape tests rely on must be able to fail: each is shown rejecting a broken exposition.
import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {PROMTOOL, promClientRoundTrip, promtoolCheck} from './exposition.js';

const good = '# HELP keywatch_up Whether the poller can reach the providers.\n# TYPE keywatch_up gauge\nkeywatch_up 1\n';

describe('exposition validators', () => {
	it.skipIf(!existsSync(PROMTOOL))('promtool passes a clean exposition and rejects an unparseable one', async () => {
		expect((await promtoolCheck(good)).code).toBe(0);
		const broken = await promtoolCheck('# TYPE keywatch_up gauge\nkeywatch_up{key="a} 1\n');
		expect(broken.code).toBe(1);
	});

	it('the prom-client round trip passes what prom-client would write and rejects what it would not', async () => {
		expect(await promClientRoundTrip(good)).toEqual(['keywatch_up']);
		// Values prom-client never writes this way.
		await expect(promClientRoundTrip(good.replace('keywatch_up 1', 'keywatch_up 1e3'))).rejects.toThrow(/differently/);
		await expect(promClientRoundTrip(good.replace('keywatch_up 1', 'keywatch_up Inf'))).rejects.toThrow(/differently/);
	});
});
