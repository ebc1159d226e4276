// A strict reader of the Prometheus text exposition format (0.0.4), enough to prove the output parses:
// every sample belongs to a family declared with HELP and TYPE, names and labels are well formed,
// label values use only the legal escapes, values are numbers, and no series appears twice.

export type Sample = {name: string; labels: Record<string, string>; value: number};
export type Family = {name: string; help?: string; type?: string; samples: Sample[]};

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const types = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

// Prometheus reads values with Go's strconv.ParseFloat, which takes NaN and Inf in any case
// (prom-client writes "Nan" for an event-loop lag with no samples yet).
function parseValue(text: string, line: string): number {
	if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
	if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
	if (/^nan$/i.test(text)) return Number.NaN;
	if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
	return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
	const labels: Record<string, string> = {};
	let i = 0;
	while (i < text.length) {
		const eq = text.indexOf('=', i);
		if (eq < 0) throw new Error(`bad labels in: ${line}`);
		const name = text.slice(i, eq);
		if (!labelName.test(name)) throw new Error(`bad label name "${name}" in: ${line}`);
		if (text[eq + 1] !== '"') throw new Error(`unquoted label value in: ${line}`);
		let value = '';
		let j = eq + 2;
		for (; j < text.length && text[j] !== '"'; j++) {
			if (text[j] === '\n') throw new Error(`raw newline in label value: ${line}`);
			if (text[j] !== '\\') {
				value += text[j];
				continue;
			}
			const next = text[++j];
			if (next === 'n') value += '\n';
			else if (next === '\\' || next === '"') value += next;
			else throw new Error(`bad escape \\${next} in: ${line}`);
		}
		if (j >= text.length) throw new Error(`unterminated label value in: ${line}`);
		if (name in labels) throw new Error(`duplicate label ${name} in: ${line}`);
		labels[name] = value;
		i = j + 1;
		if (text[i] === ',') i++;
		else if (i < text.length) throw new Error(`expected , in: ${line}`);
	}
	return labels;
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
	const direct = families.get(sampleName);
	if (direct) return direct;
	const base = sampleName.replace(/_(bucket|sum|count|created)$/, '');
	const family = families.get(base);
	return family && (family.type === 'histogram' || family.type === 'summary') ? family : undefined;
}

export function parseExposition(text: string): Map<string, Family> {
	if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
	const families = new Map<string, Family>();
	const seen = new Set<string>();
	for (const line of text.split('\n')) {
		if (line === '') continue;
		const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
		if (meta) {
			const [, kind, name, rest] = meta as unknown as [string, string, string, string];
			if (!metricName.test(name)) throw new Error(`bad metric name in: ${line}`);
			const family = families.get(name) ?? {name, samples: []};
			families.set(name, family);
			if (kind === 'HELP') {
				if (family.help !== undefined) throw new Error(`second HELP for ${name}`);
				family.help = rest;
			} else {
				if (family.type !== undefined) throw new Error(`second TYPE for ${name}`);
				if (!types.has(rest)) throw new Error(`bad type in: ${line}`);
				if (family.samples.length > 0) throw new Error(`TYPE after samples for ${name}`);
				family.type = rest;
			}
			continue;
		}
		if (line.startsWith('#')) continue;
		const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line);
		if (!sample) throw new Error(`unparseable line: ${line}`);
		const [, name, labelText, valueText] = sample as unknown as [string, string, string | undefined, string];
		const family = familyOf(name, families);
		if (!family?.help || !family.type) throw new Error(`sample without HELP and TYPE: ${line}`);
		const labels = labelText ? parseLabels(labelText, line) : {};
		const series = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
		if (seen.has(series)) throw new Error(`duplicate series: ${line}`);
		seen.add(series);
		family.samples.push({name, labels, value: parseValue(valueText, line)});
	}
	return families;
}

/** The value of one series, or undefined when it is absent. */
export function valueOf(families: Map<string, Family>, name: string, labels: Record<string, string>): number | undefined {
	const family = familyOf(name, families);
	const match = family?.samples.find(s => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === Object.keys(labels).length);
	return match?.value;
}

// ---- validators other than this reader ------------------------------------------------------------------

export const PROMTOOL = '/usr/bin/promtool';

/** `promtool check metrics` on the text: its exit code (0 clean, 3 lint warnings only, 1 unparseable) and output. */
export async function promtoolCheck(text: string): Promise<{code: number; output: string}> {
	const {spawn} = await import('node:child_process');
	return new Promise((resolve, reject) => {
		const child = spawn(PROMTOOL, ['check', 'metrics'], {stdio: ['pipe', 'pipe', 'pipe']});
		let output = '';
		child.stdout.on('data', chunk => (output += String(chunk)));
		child.stderr.on('data', chunk => (output += String(chunk)));
		child.on('error', reject);
		child.on('close', code => resolve({code: code ?? 1, output}));
		child.stdin.end(text);
	});
}

function unescapeHelp(help: string): string {
	return help.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

/**
 * prom-client has no text parser, so its check is a round trip: every gauge and counter family read back from the
 * text is registered again with prom-client (which validates metric and label names as it does for keywatch's
 * own) and written out. The lines must come back exactly: names, help, label escaping and number formatting
 * are then what prom-client itself writes for those values. Returns the families checked.
 */
export async function promClientRoundTrip(text: string): Promise<string[]> {
	const {Counter, Gauge, Registry} = await import('prom-client');
	const families = parseExposition(text);
	const registry = new Registry();
	const checked: string[] = [];
	for (const family of families.values()) {
		if (family.type !== 'gauge' && family.type !== 'counter') continue;
		// A family with no series yet still has labels; naming one keeps prom-client from writing an unlabelled 0.
		const labelNames = family.samples.length === 0 ? ['unseen'] : [...new Set(family.samples.flatMap(s => Object.keys(s.labels)))];
		const help = unescapeHelp(family.help ?? '');
		if (family.type === 'gauge') {
			const gauge = new Gauge({name: family.name, help, labelNames, registers: [registry]});
			for (const sample of family.samples) gauge.set(sample.labels, sample.value);
		} else {
			const counter = new Counter({name: family.name, help, labelNames, registers: [registry]});
			for (const sample of family.samples) counter.inc(sample.labels, sample.value);
		}
		checked.push(family.name);
	}
	const again = await registry.metrics();
	const linesOf = (exposition: string, names: ReadonlySet<string>) =>
		exposition
			.split('\n')
			.filter(line => {
				const name = /^# (?:HELP|TYPE) (\S+)/.exec(line)?.[1] ?? /^([a-zA-Z_:][a-zA-Z0-9_:]*)/.exec(line)?.[1];
				return name !== undefined && names.has(name);
			})
			.sort();
	const names = new Set(checked);
	const original = linesOf(text, names);
	const roundTrip = linesOf(again, names);
	if (JSON.stringify(original) !== JSON.stringify(roundTrip)) {
		const missing = original.filter(line => !roundTrip.includes(line));
		const extra = roundTrip.filter(line => !original.includes(line));
		throw new Error(`prom-client writes these families differently:\n- ${missing.join('\n- ')}\n+ ${extra.join('\n+ ')}`);
	}
	return checked;
}
