import type {Status} from '../types.js';
import type {Style} from './text.js';

// Components name a meaning (theme.status.denied, theme.text.dim), never a colour. The no-colour theme
// keeps only bold and inverse, which NO_COLOR allows, and every status also carries a symbol and a word.

export type StatusTone = 'ok' | 'low' | 'limited' | 'denied' | 'down' | 'checking';

export type Theme = {
	name: 'color' | 'no-color';
	status: Record<StatusTone, Style>;
	text: {
		primary: Style;
		dim: Style;
		accent: Style;
		heading: Style;
		warning: Style;
		error: Style;
	};
	border: Style;
	/** Headroom bars by how much is left. */
	bar: {full: Style; low: Style; empty: Style};
};

export const colorTheme: Theme = {
	name: 'color',
	status: {
		ok: {color: 'green'},
		low: {color: 'yellow'},
		limited: {color: 'magenta'},
		denied: {color: 'red', bold: true},
		down: {color: 'blue', bold: true},
		checking: {color: 'gray'},
	},
	text: {
		primary: {},
		dim: {color: 'gray'},
		accent: {color: 'cyan'},
		heading: {bold: true},
		warning: {color: 'yellow'},
		error: {color: 'red'},
	},
	border: {color: 'gray'},
	bar: {full: {color: 'green'}, low: {color: 'yellow'}, empty: {color: 'red'}},
};

export const noColorTheme: Theme = {
	name: 'no-color',
	status: {ok: {}, low: {}, limited: {}, denied: {bold: true}, down: {bold: true}, checking: {}},
	text: {primary: {}, dim: {}, accent: {}, heading: {bold: true}, warning: {}, error: {}},
	border: {},
	bar: {full: {}, low: {}, empty: {}},
};

/** `noColor` wins; otherwise NO_COLOR in the environment (the bin also maps it to FORCE_COLOR=0). */
export function themeFor(noColor?: boolean, env: NodeJS.ProcessEnv = process.env): Theme {
	if (noColor === true) return noColorTheme;
	if (noColor === undefined && env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return noColorTheme;
	return colorTheme;
}

export const statusLabels: Record<Status, {tone: StatusTone; symbol: string; word: string}> = {
	OK: {tone: 'ok', symbol: '✓', word: 'OK'},
	LOW: {tone: 'low', symbol: '▲', word: 'LOW'},
	LIMITED: {tone: 'limited', symbol: '◷', word: 'LIMITED'},
	DENIED: {tone: 'denied', symbol: '✗', word: 'DENIED'},
	DOWN: {tone: 'down', symbol: '▼', word: 'DOWN'},
	CHECKING: {tone: 'checking', symbol: '…', word: 'CHECKING'},
};

/** "✗ DENIED" — readable without colour. */
export function statusText(status: Status): string {
	const label = statusLabels[status];
	return `${label.symbol} ${label.word}`;
}

export function statusStyle(theme: Theme, status: Status): Style {
	return theme.status[statusLabels[status].tone];
}
