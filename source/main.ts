import {Command, CommanderError, Option} from 'commander';
import {looksLikeKeyArgument} from './config/argv-guard.js';
import {ConfigError} from './config/store.js';
import {UsageError, type CommonOptions} from './app/options.js';

const EXIT_USAGE = 2;

function seconds(name: string) {
	return (value: string): number => {
		const n = Number(value);
		if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number of seconds, got "${value}"`);
		return n;
	};
}

function portFor(flag: string) {
	return (value: string): number => {
		const n = Number(value);
		if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new UsageError(`${flag} must be a whole number from 0 to 65535 (0 picks a free port), got "${value}"`);
		return n;
	};
}

const port = portFor('--port');

function commonOptions(command: Command): Command {
	return command
		.option('--demo', 'run against the built-in fake provider with demo keys')
		.option('--interval <seconds>', 'validity probe interval', seconds('--interval'))
		.option('--headroom-interval <seconds>', 'headroom probe interval (spends a token)', seconds('--headroom-interval'))
		.option('--timeout <seconds>', 'hard timeout per request', seconds('--timeout'))
		.option('--no-spend', 'never send headroom probes (the ones that spend tokens)');
}

export function buildProgram(output: {out: (s: string) => void; err: (s: string) => void}): Command {
	const program = new Command('keywatch')
		.description('A live terminal monitor for AI API keys: status, rate-limit headroom, credit, and why a key is denied.')
		.version('0.1.0')
		.exitOverride()
		.enablePositionalOptions()
		.configureOutput({writeOut: output.out, writeErr: output.err})
		.showHelpAfterError('(run keywatch --help for usage)');

	commonOptions(program)
		.option('--compact', 'narrow layout for a small tmux pane')
		.option('--no-save-history', 'keep the trend in memory only: do not read or write history.json in the config folder')
		.option('--remote <url>', 'show the live view of a running `keywatch serve`')
		.option('--json', 'with no terminal: print check --json')
		.addOption(new Option('--proxy [port]', 'run the proxy inside the live view, on 127.0.0.1 (default port 8787; P starts and stops it)').argParser(portFor('--proxy')))
		.action(async (options: CommonOptions & {compact?: boolean; remote?: string; json?: boolean; proxy?: true | number}) => {
			const {runDefault} = await import('./commands/live.js');
			program.setOptionValue('exitCode', await runDefault(options));
		});

	commonOptions(program.command('check'))
		.description('probe every key once and print a table (or --json); exit 1 if any key is LIMITED, DENIED or DOWN')
		.option('--json', 'print one JSON array, one object per key')
		.action(async (options: CommonOptions & {json?: boolean}) => {
			const {runCheck} = await import('./commands/check.js');
			program.setOptionValue('exitCode', await runCheck(options));
		});

	program
		.command('explain')
		.description('read a provider answer as JSON on stdin ({"provider","status","headers","body"}) and explain it')
		.option('--json', 'print the verdict object')
		.option('--provider <id>', 'provider, when the body and headers do not make it plain')
		.action(async (options: {json?: boolean; provider?: string}) => {
			const {runExplainCommand} = await import('./commands/explain-cli.js');
			program.setOptionValue('exitCode', await runExplainCommand(options));
		});

	program
		.command('add')
		.description('add a key: the secret is stored as a reference (env var, command or OS keyring) unless --stdin')
		.argument('<provider>', 'openai, anthropic, gemini, openrouter, groq, mistral, deepseek, xai, azure_openai, together, openai-compatible')
		.requiredOption('--name <name>', 'a name for this key (shown in the table)')
		.option('--env <var>', 'read the key from this environment variable at start')
		.option('--command <cmd>', 'run this command at start; its stdout is the key (e.g. "op read op://…")')
		.option('--stdin', 'read the key from stdin and store the value in the config file (0600)')
		.option('--keyring', 'read the key from stdin and store it in the OS keyring (the config file keeps only a reference)')
		.option('--base-url <url>', 'a compatible endpoint (OpenAI-style URLs include /v1, Anthropic-style do not)')
		.option('--no-spend', 'never send headroom probes for this key')
		.option('--backup', 'mark as a backup key for proxy failover')
		.option('--model <model>', 'model for the headroom probe')
		.option('--deployment <name>', 'Azure OpenAI deployment name')
		.option('--api-version <version>', 'Azure OpenAI api-version')
		.option('--tier <tier>', 'your plan tier, for published limits where the provider sends none')
		.option('--budget <amount>', 'monthly budget, for spend rows', Number)
		.option('--low <fraction>', 'LOW threshold as a fraction of the limit (default 0.1)', Number)
		.option('--low-balance <amount>', 'LOW when less money than this is left, in the credit currency (default 5 for a balance with no limit)', Number)
		.option('--admin-env <var>', 'admin/management key env var, for spend and credit endpoints')
		.option('--admin-command <cmd>', 'command that prints the admin/management key')
		.action(async (provider: string, options: Record<string, unknown>) => {
			const {runAdd} = await import('./commands/keys.js');
			program.setOptionValue('exitCode', await runAdd(provider, options));
		});

	program
		.command('list')
		.description('list configured keys (masked) and keys found in the environment')
		.option('--json', 'print JSON')
		.action(async (options: {json?: boolean}) => {
			const {runList} = await import('./commands/keys.js');
			program.setOptionValue('exitCode', await runList(options));
		});

	program
		.command('remove')
		.description('remove a configured key by name')
		.argument('<name>')
		.action(async (name: string) => {
			const {runRemove} = await import('./commands/keys.js');
			program.setOptionValue('exitCode', await runRemove(name));
		});

	program
		.command('simulate')
		.description('run the fake provider standalone (the one behind the demo and the tests)')
		.addOption(new Option('--port <port>', 'port on 127.0.0.1 (default: a free port)').argParser(port))
		.action(async (options: {port?: number}) => {
			const {runSimulate} = await import('./fake/simulate.js');
			try {
				await runSimulate(options);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on 127.0.0.1 is already in use; choose another with --port`);
				throw error;
			}
			program.setOptionValue('exitCode', 0);
		});

	commonOptions(program.command('serve'))
		.description('run the poller headless: Prometheus metrics at /metrics, JSON at /state, live view for --remote')
		.addOption(new Option('--port <port>', 'port').default(9464).argParser(port))
		.option('--host <host>', 'address to bind (default 127.0.0.1; metrics say which providers you use)')
		.option('--read-only', 'refuse probe and pause requests from remote screens')
		.option('--allow-control', 'accept probe and pause requests even on a non-loopback bind')
		.option('--no-save-history', 'keep the trend in memory only: do not read or write history.json in the config folder')
		.action(async (options: CommonOptions & {port?: number; host?: string; readOnly?: boolean; allowControl?: boolean}) => {
			const {runServe} = await import('./commands/serve.js');
			program.setOptionValue('exitCode', await runServe(options));
		});

	program
		.command('status')
		.description('one short line for a tmux status bar, from a running serve (--remote) or the cache; never probes')
		.option('--line', 'print the status line (the default)')
		.option('--remote <url>', 'read a running keywatch serve')
		.option('--ascii', 'ASCII symbols only')
		.action(async (options: {line?: boolean; remote?: string; ascii?: boolean}) => {
			const {runStatus} = await import('./commands/status.js');
			program.setOptionValue('exitCode', await runStatus(options));
		});

	const proxy = commonOptions(program.command('proxy'))
		.description('a local proxy on 127.0.0.1: apps send requests through it with a local token; keywatch adds the active key and records every answer')
		.addOption(new Option('--port <port>', 'port on 127.0.0.1').default(8787).argParser(port))
		.option('--json-log', 'one JSON line per request on stdout (never a key or a body)')
		.action(async (options: CommonOptions & {port?: number; jsonLog?: boolean}) => {
			const {runProxy} = await import('./commands/proxy.js');
			program.setOptionValue('exitCode', await runProxy(options));
		});
	proxy
		.command('enable')
		.description('start the proxy inside the live view every time it starts (settings.proxy in the config)')
		.addOption(new Option('--port <port>', 'port on 127.0.0.1 (default 8787)').argParser(port))
		.action(async (options: {port?: number}) => {
			const {runProxySetting} = await import('./commands/proxy-setting.js');
			program.setOptionValue('exitCode', runProxySetting(true, options));
		});
	proxy
		.command('disable')
		.description('stop starting the proxy with the live view (P still starts it for one run)')
		.action(async () => {
			const {runProxySetting} = await import('./commands/proxy-setting.js');
			program.setOptionValue('exitCode', runProxySetting(false, {}));
		});

	const alert = program.command('alert').description('alert sinks: webhook, bell, desktop');
	alert
		.command('add')
		.description('add a sink: `webhook URL [--format slack|json]`, `bell` or `desktop`')
		.argument('<sink>')
		.argument('[url]')
		.option('--format <format>', 'webhook body: slack or json', 'slack')
		.action(async (sink: string, url: string | undefined, options: {format?: string}) => {
			const {runAlertAdd} = await import('./commands/alert.js');
			program.setOptionValue('exitCode', await runAlertAdd(sink, url, options));
		});
	alert
		.command('test')
		.description('send a test alert through every configured sink and report each result')
		.action(async () => {
			const {runAlertTest} = await import('./commands/alert.js');
			program.setOptionValue('exitCode', await runAlertTest());
		});
	alert
		.command('list')
		.description('list the sinks (webhooks numbered, URLs masked), the cooldown and the hysteresis')
		.action(async () => {
			const {runAlertList} = await import('./commands/alert.js');
			program.setOptionValue('exitCode', await runAlertList());
		});
	alert
		.command('remove')
		.description('remove a sink: a webhook by its number in `alert list` or its URL, or `bell`, `desktop`')
		.argument('<sink>')
		.action(async (sink: string) => {
			const {runAlertRemove} = await import('./commands/alert.js');
			program.setOptionValue('exitCode', await runAlertRemove(sink));
		});
	alert
		.command('set')
		.description('`cooldown 10m` (per key, 0 turns it off) or `hysteresis 3` (readings before a change counts)')
		.argument('<setting>', 'cooldown or hysteresis')
		.argument('<value>')
		.action(async (setting: string, value: string) => {
			const {runAlertSet} = await import('./commands/alert.js');
			program.setOptionValue('exitCode', await runAlertSet(setting, value));
		});

	return program;
}

/** Runs one invocation; returns the exit code (0 healthy, 1 a key needs attention, 2 usage or config error). */
export async function runCli(argv: string[]): Promise<number> {
	const out = (s: string) => process.stdout.write(s);
	const err = (s: string) => process.stderr.write(s);
	const suspicious = looksLikeKeyArgument(argv);
	if (suspicious !== undefined) {
		err(`keywatch: argument ${suspicious + 1} looks like an API key; never pass a key on the command line (it lands in shell history and ps): use --env VAR, --command CMD or --stdin\n`);
		return EXIT_USAGE;
	}
	const program = buildProgram({out, err});
	// Commander reads a mistyped command as an extra argument of the bare command; say what it is.
	const first = argv[0];
	if (first !== undefined && !first.startsWith('-') && !program.commands.some(c => c.name() === first || c.aliases().includes(first))) {
		err(`keywatch: unknown command '${first}'; commands: ${program.commands.map(c => c.name()).join(', ')} (keywatch --help)\n`);
		return EXIT_USAGE;
	}
	try {
		await program.parseAsync(argv, {from: 'user'});
		return (program.getOptionValue('exitCode') as number | undefined) ?? 0;
	} catch (error) {
		if (error instanceof CommanderError) {
			return error.exitCode === 0 ? 0 : EXIT_USAGE;
		}
		if (error instanceof UsageError || error instanceof ConfigError) {
			err(`keywatch: ${error.message}\n`);
			return EXIT_USAGE;
		}
		throw error;
	}
}
