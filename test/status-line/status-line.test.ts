import {describe, expect, it} from 'vitest';
import {statusLine} from '../../source/status-line/status-line.js';
import type {Status} from '../../source/types.js';
import {makeKey, makeSnapshot} from '../serve/fake-monitor.js';

const keys = (...list: Array<[string, Status]>) => list.map(([name, status]) => makeKey({id: name, name, status}));

describe('statusLine', () => {
	it('counts keys per status and names the worst one', () => {
		const snapshot = makeSnapshot(
			keys(['a', 'OK'], ['b', 'LIMITED'], ['c', 'OK'], ['prod-openai', 'DENIED'], ['d', 'LOW'], ['e', 'DOWN'], ['f', 'OK'], ['g', 'CHECKING']),
		);
		expect(statusLine(snapshot)).toBe('keywatch ✓3 ▲1 ◷1 ▼1 ✗1 …1 · worst: prod-openai DENIED');
	});

	it('picks the first of equally bad keys', () => {
		expect(statusLine(makeSnapshot(keys(['x', 'LIMITED'], ['y', 'LIMITED'], ['z', 'LOW'])))).toBe('keywatch ▲1 ◷2 · worst: x LIMITED');
	});

	it('has no "worst" when everything is OK or still checking', () => {
		expect(statusLine(makeSnapshot(keys(['a', 'OK'], ['b', 'OK'])))).toBe('keywatch ✓2');
		expect(statusLine(makeSnapshot(keys(['a', 'CHECKING'])))).toBe('keywatch …1');
	});

	it('says when there are no keys, and when polling is paused or offline', () => {
		expect(statusLine(makeSnapshot([]))).toBe('keywatch · no keys');
		expect(statusLine(makeSnapshot(keys(['a', 'DOWN']), {offline: true, paused: true}))).toBe('keywatch ▼1 · worst: a DOWN · offline · paused');
	});

	it('has a plain ASCII form', () => {
		expect(statusLine(makeSnapshot(keys(['a', 'OK'], ['b', 'DENIED'])), {ascii: true})).toBe('keywatch ok:1 den:1 | worst: b DENIED');
	});

	it('keeps tmux format characters, escapes and long names out of the line', () => {
		const name = '#[fg=red]evil#(rm -rf ~)\u001b[2J-and-a-very-long-name-indeed';
		const line = statusLine(makeSnapshot([makeKey({id: 'x', name, status: 'DENIED'})]));
		expect(line).not.toContain('#');
		expect(line).not.toContain('\u001b');
		expect(line).toBe('keywatch ✗1 · worst: [fg=red]evil(rm -rf ~)-… DENIED');
	});

	it('treats a status it does not know (an older or newer serve) as CHECKING', () => {
		const odd = makeKey({id: 'x', status: 'WEIRD' as Status});
		expect(statusLine(makeSnapshot([odd]))).toBe('keywatch …1');
	});
});
