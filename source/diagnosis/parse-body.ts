// Finds the error in whatever a provider sent back: objects, arrays, bare strings, FastAPI details,
// doubly nested errors, errors re-serialised into another error's message, HTML, truncated JSON.
import {parseDuration} from '../parse/index.js';
import {isRecord, parseJson} from '../util/safe-json.js';
import type {BodyForm, BodyTag, ErrorFields, ParsedBody, QuotaViolation} from './types.js';

const MAX_TEXT = 8000;
const MAX_REWRAP_DEPTH = 3;

type Collector = {
	tags: Set<BodyTag>;
	error: ErrorFields;
	texts: string[];
	hasError: boolean;
};

export function parseBody(raw: string): ParsedBody {
	const trimmed = typeof raw === 'string' ? raw.trim() : '';
	if (trimmed.length === 0) return finish(collector(), 'empty');
	if (looksLikeHtml(trimmed)) return fromHtml(trimmed);
	if (/^[[{"]/.test(trimmed) || /^(?:null|true|false|-?\d[\d.eE+-]*)$/.test(trimmed)) {
		const parsed = parseJson(trimmed);
		if (parsed.ok) {
			const c = collector();
			visit(parsed.value, c, 0);
			return finish(c, 'json');
		}
		if (parsed.reason === 'too_deep') return finish(collector(), 'too_deep');
		const embedded = embeddedError(trimmed);
		if (embedded) return embedded;
		if (/^[[{]/.test(trimmed)) return salvage(trimmed, parsed.reason === 'too_large' ? 'too_large' : 'truncated_json');
	}
	const embedded = embeddedError(trimmed);
	if (embedded) return embedded;
	const c = collector();
	c.error.message = trimmed.slice(0, 2000);
	c.texts.push(trimmed.slice(0, MAX_TEXT));
	return finish(c, 'text');
}

/** A log line with the provider's JSON error inside it: "Error: 429 {"error": {...}}". */
function embeddedError(text: string): ParsedBody | undefined {
	const start = text.indexOf('{');
	if (start <= 0 || text.length > 1_000_000 || !/"(?:error|message)"/.test(text)) return undefined;
	const c = collector();
	readMessage(text, c, 0);
	return c.tags.has('rewrapped') ? finish(c, 'text') : undefined;
}

function collector(): Collector {
	return {tags: new Set(), error: {reasons: [], violations: []}, texts: [], hasError: false};
}

function finish(c: Collector, form: BodyForm, title?: string): ParsedBody {
	const text = c.texts.join(' \n ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
	return {form, tags: [...c.tags], hasError: c.hasError, error: c.error, text, ...(title ? {title} : {})};
}

function visit(value: unknown, c: Collector, depth: number): void {
	if (value === null) {
		c.tags.add('null');
	} else if (typeof value === 'string') {
		c.tags.add('bare_string');
		if (value.trim()) c.hasError = true;
		readMessage(value, c, depth);
	} else if (Array.isArray(value)) {
		c.tags.add('array');
		const item = value.find(v => isRecord(v) && 'error' in v) ?? value.find(v => isRecord(v));
		if (item !== undefined) visit(item, c, depth);
	} else if (isRecord(value)) {
		readObject(value, c, depth);
	}
}

const successKeys = ['choices', 'data', 'candidates', 'content', 'object_list', 'models', 'id'];

function readObject(obj: Record<string, unknown>, c: Collector, depth: number): void {
	if (typeof obj.request_id === 'string') c.error.requestId ??= obj.request_id;
	const err = obj.error;
	if (isRecord(err)) {
		c.tags.add('error_object');
		if (obj.type === 'error') c.tags.add('anthropic');
		c.hasError = true;
		if (isRecord(err.error)) {
			c.tags.add('nested_error');
			readErrorNode(err.error, c, depth);
		}
		readErrorNode(err, c, depth);
	} else if (typeof err === 'string' && err.trim()) {
		c.tags.add('flat_error');
		c.hasError = true;
		readMessage(err, c, depth);
		setCode(obj.code, c);
		if (typeof obj.type === 'string') c.error.type ??= obj.type;
	} else if (obj.detail !== undefined && obj.detail !== null) {
		c.tags.add('fastapi_detail');
		c.hasError = true;
		readDetail(obj.detail, c, depth);
	} else if (typeof obj.message === 'string' || typeof obj.status === 'string') {
		c.tags.add('top_level_message');
		if (!successKeys.some(key => key in obj) || obj.object === 'error') c.hasError = true;
		readErrorNode(obj, c, depth);
	}
	const feedback = obj.promptFeedback;
	if (isRecord(feedback) && typeof feedback.blockReason === 'string') c.error.blockReason = feedback.blockReason;
}

function readErrorNode(node: Record<string, unknown>, c: Collector, depth: number): void {
	const e = c.error;
	if (typeof node.message === 'string') readMessage(node.message, c, depth);
	if (typeof node.type === 'string' && node.type !== 'error') e.type ??= node.type;
	setCode(node.code, c);
	if (typeof node.status === 'string' && /^[A-Z][A-Z_]{2,}$/.test(node.status)) {
		e.googleStatus ??= node.status;
		c.tags.add('google');
	}
	if (typeof node.request_id === 'string') e.requestId ??= node.request_id;
	if (Array.isArray(node.details)) readGoogleDetails(node.details, c);
	else if (isRecord(node.details) && typeof node.details.error_code === 'string') e.detailCode ??= node.details.error_code;
	if (Array.isArray(node.errors)) {
		for (const item of node.errors.slice(0, 20)) {
			if (isRecord(item) && typeof item.reason === 'string') e.reasons.push(item.reason);
		}
	}
	if (isRecord(node.metadata)) {
		e.metadata = {...node.metadata, ...e.metadata};
		if (typeof node.metadata.raw === 'string') c.texts.push(node.metadata.raw.slice(0, 2000));
		if (Array.isArray(node.metadata.reasons)) c.texts.push(node.metadata.reasons.filter(r => typeof r === 'string').join(', '));
	}
	if (isRecord(node.innererror)) {
		if (typeof node.innererror.code === 'string') e.reasons.push(node.innererror.code);
		if (isRecord(node.innererror.content_filter_result)) e.reasons.push('content_filter');
	}
}

function setCode(code: unknown, c: Collector): void {
	if (c.error.code !== undefined) return;
	if (typeof code === 'number' && Number.isFinite(code)) {
		c.error.code = String(code);
		if (Number.isInteger(code) && code >= 100 && code <= 599) c.error.numericCode = code;
	} else if (typeof code === 'string' && code.trim()) {
		c.error.code = code.trim().slice(0, 200);
		if (/^\d{3}$/.test(c.error.code)) c.error.numericCode = Number(c.error.code);
	}
}

/** A message, unless it is itself a serialised error (an SDK's re-wrap): then the inner error wins. */
function readMessage(text: string, c: Collector, depth: number): void {
	if (depth < MAX_REWRAP_DEPTH && /[[{]/.test(text) && /"(?:error|message|code|status)"/.test(text)) {
		// Try from the first bracket, then from the first brace ("[400 Bad Request] {...}").
		for (const start of new Set([text.search(/[[{]/), text.indexOf('{')])) {
			if (start === -1) continue;
			const parsed = parseJson(text.slice(start).trim());
			if (!parsed.ok) continue;
			const inner = collector();
			visit(parsed.value, inner, depth + 1);
			if (inner.error.message !== undefined || inner.error.code !== undefined) {
				mergeInner(c, inner);
				return;
			}
		}
	}
	c.texts.push(text.slice(0, 4000));
	c.error.message ??= text.slice(0, 4000);
}

function mergeInner(c: Collector, inner: Collector): void {
	c.tags.add('rewrapped');
	for (const tag of inner.tags) if (tag !== 'bare_string') c.tags.add(tag);
	const e = c.error;
	const i = inner.error;
	e.message = i.message ?? e.message;
	e.type = i.type ?? e.type;
	if (i.code !== undefined) {
		e.code = i.code;
		e.numericCode = i.numericCode ?? e.numericCode;
	}
	e.googleStatus = i.googleStatus ?? e.googleStatus;
	e.reasons.push(...i.reasons);
	e.violations.push(...i.violations);
	e.retryDelaySeconds = i.retryDelaySeconds ?? e.retryDelaySeconds;
	e.detailCode = i.detailCode ?? e.detailCode;
	e.metadata = i.metadata ?? e.metadata;
	e.requestId = i.requestId ?? e.requestId;
	c.texts.push(...inner.texts);
	c.hasError = true;
}

function readDetail(detail: unknown, c: Collector, depth: number): void {
	if (typeof detail === 'string') {
		readMessage(detail, c, depth);
	} else if (Array.isArray(detail)) {
		// FastAPI validation errors: [{loc, msg, type}]
		const messages = detail
			.slice(0, 5)
			.map(item => (isRecord(item) && typeof item.msg === 'string' ? item.msg : undefined))
			.filter((m): m is string => m !== undefined);
		c.error.type ??= 'validation_error';
		if (messages.length > 0) readMessage(messages.join('; '), c, MAX_REWRAP_DEPTH);
	} else if (isRecord(detail)) {
		readErrorNode(detail, c, depth);
	}
}

function readGoogleDetails(details: unknown[], c: Collector): void {
	const e = c.error;
	for (const item of details.slice(0, 50)) {
		if (!isRecord(item)) continue;
		const type = typeof item['@type'] === 'string' ? item['@type'] : '';
		if (type.endsWith('ErrorInfo') && typeof item.reason === 'string') {
			e.reasons.push(item.reason);
			c.tags.add('google');
		} else if (type.endsWith('QuotaFailure') && Array.isArray(item.violations)) {
			for (const v of item.violations.slice(0, 20)) if (isRecord(v)) e.violations.push(violation(v));
			c.tags.add('google');
		} else if (type.endsWith('RetryInfo')) {
			e.retryDelaySeconds ??= retryDelay(item.retryDelay);
		} else if (type.endsWith('LocalizedMessage') && typeof item.message === 'string') {
			c.texts.push(item.message.slice(0, 1000));
		}
	}
}

function violation(v: Record<string, unknown>): QuotaViolation {
	const text = (key: string): string | undefined => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
	// Legacy QuotaFailure entries carry only {subject, description}.
	return {
		quotaId: text('quotaId') ?? text('subject'),
		quotaMetric: text('quotaMetric') ?? text('description'),
		quotaValue: text('quotaValue') ?? (typeof v.quotaValue === 'number' ? String(v.quotaValue) : undefined),
	};
}

function retryDelay(value: unknown): number | undefined {
	if (typeof value === 'string') {
		const ms = parseDuration(value);
		return ms === undefined ? undefined : ms / 1000;
	}
	if (isRecord(value)) {
		const seconds = Number(value.seconds ?? 0);
		const nanos = Number(value.nanos ?? 0);
		const total = seconds + nanos / 1e9;
		return Number.isFinite(total) && total >= 0 && total < 366 * 86_400 ? total : undefined;
	}
	return undefined;
}

function looksLikeHtml(text: string): boolean {
	return /^<(?:!doctype\s+html|html|head|body|title|center|h1)\b/i.test(text) || /<html[\s>]/i.test(text.slice(0, 2000));
}

function fromHtml(text: string): ParsedBody {
	const c = collector();
	const title = /<title[^>]*>([^<]{0,300})/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
	// Bounded input and tag patterns that stop at the next "<", so a hostile page costs linear time.
	const visible = text
		.slice(0, 50_000)
		.replace(/<(script|style)\b[^<>]{0,500}>[\s\S]{0,20000}?<\/\1\s*>/gi, ' ')
		.replace(/<[^<>]{0,2000}>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 2000);
	c.error.message = title ? `HTML page "${title}"` : `HTML page: ${visible.slice(0, 200)}`;
	c.texts.push(visible);
	return finish(c, 'html', title || undefined);
}

/** Truncated or oversized JSON: pull out the fields we can still read, never the structure. */
function salvage(text: string, form: BodyForm): ParsedBody {
	const c = collector();
	const head = text.slice(0, 65_536);
	const field = (name: string): string | undefined => {
		const match = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){0,4000}"|-?\\d{1,6})`).exec(head);
		if (!match?.[1]) return undefined;
		try {
			const value: unknown = JSON.parse(match[1]);
			return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
		} catch {
			return undefined;
		}
	};
	const message = field('message');
	if (message !== undefined) {
		c.error.message = message;
		c.texts.push(message);
	} else {
		c.texts.push(head.slice(0, 2000));
	}
	c.error.type = field('type');
	setCode(field('code'), c);
	const status = field('status');
	if (status && /^[A-Z][A-Z_]{2,}$/.test(status)) c.error.googleStatus = status;
	const reason = field('reason');
	if (reason) c.error.reasons.push(reason);
	c.hasError = message !== undefined || c.error.code !== undefined;
	return finish(c, form);
}
