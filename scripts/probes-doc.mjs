// Prints the README's "What the probes cost" table from the adapters themselves (run after `npm run build`).
import {describeProbes} from '../dist/providers/registry.js';

const rows = describeProbes();
const byProvider = new Map();
for (const row of rows) {
	if (!byProvider.has(row.label)) byProvider.set(row.label, {probes: [], reads: row.reads, cannotSee: row.cannotSee});
	byProvider.get(row.label).probes.push(row);
}
const cell = text => String(text).replace(/\|/g, '\\|');
const lines = ['| provider | probe | request | what it costs | what keywatch reads | what keywatch cannot see |', '|---|---|---|---|---|---|'];
for (const [label, {probes, reads, cannotSee}] of byProvider) {
	probes.forEach((p, i) => {
		const path = p.path.replace(/\?.*/, '');
		const first = i === 0;
		lines.push(`| ${first ? label : ''} | ${p.probe}${p.spends ? ' (spends)' : ''} | \`${p.method} ${cell(path)}\` | ${cell(p.cost)} | ${first ? cell(reads.join('; ')) : ''} | ${first ? cell(cannotSee.join('; ')) : ''} |`);
	});
}
console.log(lines.join('\n'));
