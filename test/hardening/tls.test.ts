// reliability-notes #7: TLS with a bad certificate (self-signed, expired, for another host). Real HTTPS servers on
// 127.0.0.1 with certificates made by openssl for this run: the answer is a `tls` failure naming the certificate's
// problem, the request (and so the key) never reaches the server, and keywatch never tries again without checks.

import {execFileSync} from 'node:child_process';
import {once} from 'node:events';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {diagnose} from '../../source/diagnosis/index.js';
import {createTransport} from '../../source/net/transport.js';
import {cleanEnv, runCli} from '../helpers/cli.js';
import {expectNoSecret, writeConfig} from './helpers.js';

type Pem = {key: string; cert: string};

/** A CA, and leaf certificates for 127.0.0.1: signed by it (good, expired, for another host) or by themselves. */
function makeCertificates(): {dir: string; ca: string; good: Pem; expired: Pem; wrongHost: Pem; selfSigned: Pem} {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'keywatch-tls-'));
	const at = (name: string) => path.join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: 'pipe'});
	const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
	openssl('req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=keywatch test CA');
	const leaf = (name: string, altNames: string, days: string): Pem => {
		writeFileSync(at(`${name}.ext`), `subjectAltName=${altNames}\n`);
		openssl('req', ...ec, '-keyout', at(`${name}.key`), '-out', at(`${name}.csr`), '-subj', '/CN=localhost');
		// -days -1 ends the certificate's validity a day before it starts: expired from the moment it exists.
		openssl('x509', '-req', '-in', at(`${name}.csr`), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at(`${name}.pem`), '-days', days, '-extfile', at(`${name}.ext`));
		return {key: readFileSync(at(`${name}.key`), 'utf8'), cert: readFileSync(at(`${name}.pem`), 'utf8')};
	};
	const good = leaf('good', 'IP:127.0.0.1,DNS:localhost', '2');
	const expired = leaf('expired', 'IP:127.0.0.1,DNS:localhost', '-1');
	const wrongHost = leaf('wrong', 'DNS:api.wrong-host.example', '2');
	openssl('req', '-x509', ...ec, '-keyout', at('self.key'), '-out', at('self.pem'), '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
	const selfSigned = {key: readFileSync(at('self.key'), 'utf8'), cert: readFileSync(at('self.pem'), 'utf8')};
	return {dir, ca: at('ca.pem'), good, expired, wrongHost, selfSigned};
}

/** An HTTPS server that answers like OpenAI to a key it does not know, counting connections and requests. */
type TlsServer = {url: string; connections: number; requests: number; close(): Promise<void>};

async function tlsServer(pem: Pem): Promise<TlsServer> {
	const server = https.createServer({key: pem.key, cert: pem.cert}, (_req, res) => {
		state.requests++;
		res.writeHead(401, {'content-type': 'application/json'});
		res.end(JSON.stringify({error: {message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key'}}));
	});
	// A client that rejects the certificate just hangs up: not an error of the server's.
	server.on('tlsClientError', () => {});
	server.on('connection', () => state.connections++);
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const state: TlsServer = {
		url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		connections: 0,
		requests: 0,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
	return state;
}

const secret = 'sk-test-tls-0123456789abcdef0123';

describe('a provider behind a bad certificate', () => {
	let certs: ReturnType<typeof makeCertificates>;
	const servers: TlsServer[] = [];
	const start = async (pem: Pem) => {
		const server = await tlsServer(pem);
		servers.push(server);
		return server;
	};
	beforeAll(() => {
		certs = makeCertificates();
	});
	afterAll(async () => {
		for (const server of servers) await server.close();
	});

	it('self-signed: a tls failure that says so, one connection, and no request (the key never left)', async () => {
		const server = await start(certs.selfSigned);
		const transport = createTransport({timeoutMs: 5_000});
		try {
			const exchange = await transport.send({method: 'GET', url: `${server.url}/models`, headers: {authorization: `Bearer ${secret}`}}, 'openai');
			expect(exchange.status).toBeNull();
			expect(exchange.network?.kind).toBe('tls');
			expect(exchange.network?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
			expect(exchange.network?.message).toMatch(/self[- ]signed certificate/);
			const verdict = diagnose(exchange);
			expect(verdict.kind).toBe('network');
			expect(verdict.title).toBe('TLS certificate problem');
			expect(verdict.clears).toBe('needs_action');
			expect(verdict.why).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT: .*self[- ]signed certificate/);
			expect(verdict.fix.join(' ')).toMatch(/Never turn certificate checks off/);
			expectNoSecret(JSON.stringify({exchange, verdict}), [secret], 'the tls failure');
		} finally {
			await transport.close();
		}
		expect(server.connections).toBe(1);
		expect(server.requests).toBe(0);
	});

	it('keywatch check (built CLI): self-signed, expired and wrong-host certificates each named, a trusted one works, nothing retried', async () => {
		const good = await start(certs.good);
		const bad = {
			selfsigned: await start(certs.selfSigned),
			expired: await start(certs.expired),
			wronghost: await start(certs.wrongHost),
		};
		const keyFor = (name: string, url: string) => ({name, provider: 'openai' as const, secret: {type: 'value' as const, value: `${secret}${name.length}`}, baseUrl: url});
		const keys = [keyFor('trusted', good.url), ...Object.entries(bad).map(([name, server]) => keyFor(name, server.url))];
		const dir = writeConfig(keys);
		// The test CA is trusted the way the verdict tells users to trust a corporate proxy's: so the good server
		// works, and what fails on the others is the certificate's own problem, not an unknown issuer.
		const result = await runCli(['check', '--json', '--no-spend', '--timeout', '5'], {env: cleanEnv({KEYWATCH_CONFIG_DIR: dir, NODE_EXTRA_CA_CERTS: certs.ca})});
		expect(result.code, result.stderr).toBe(1);
		expect(result.stderr).toBe('');
		const rows = JSON.parse(result.stdout) as Array<{name: string; status: string; kind: string; title: string; verdict: {why: string}}>;
		const byName = Object.fromEntries(rows.map(row => [row.name, row]));
		// Through a trusted certificate the provider's own answer arrives.
		expect(byName.trusted).toMatchObject({status: 'DENIED', kind: 'invalid_key'});
		expect(good.requests).toBe(1);
		const problems: Record<keyof typeof bad, RegExp> = {
			selfsigned: /DEPTH_ZERO_SELF_SIGNED_CERT.*self[- ]signed/,
			expired: /CERT_HAS_EXPIRED.*certificate has expired/,
			wronghost: /ERR_TLS_CERT_ALTNAME_INVALID.*(?:altnames|does not match)/i,
		};
		for (const [name, problem] of Object.entries(problems) as Array<[keyof typeof bad, RegExp]>) {
			const row = byName[name];
			expect(row, name).toMatchObject({status: 'DOWN', kind: 'network', title: 'TLS certificate problem'});
			expect(row?.verdict.why, name).toMatch(problem);
			// One handshake, refused by keywatch; no second try with checks off, and no request with the key in it.
			expect(bad[name].connections, name).toBe(1);
			expect(bad[name].requests, name).toBe(0);
		}
		expectNoSecret(result.stdout, keys.map(k => k.secret.value), 'check --json');
	});
});
