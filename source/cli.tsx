#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {
	parseConfig, usageHint, type RunRequest, type DemoServerRequest,
} from './config.js';
import {realClock} from './api/rate-limit.js';
import {processIo, resolvePending} from './cli/credentials.js';
import {chooseRunner, runScriptMode} from './cli/dispatch.js';
import {prefetchFirstList} from './cli/prefetch.js';
import {keepYoungGenerationSmall} from './cli/young-generation.js';
import {firstScope} from './model/first-scope.js';
import {programPrefix} from './modes/context.js';
import {exitCodes} from './modes/exit-codes.js';

// On Linux this overwrites the argv area, so `ps` shows only the name once we are running; before this line,
// and on other systems, argv (with any --token) is readable by other users: the help says so and points to MILVUS_TOKEN.
process.title = 'milvus-import-top';
// React's production build: scripts/bundle.js defines process.env.NODE_ENV as 'production' at build time.

const readVersion = (): string => {
	try {
		const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
		const parsed: unknown = JSON.parse(text);
		const version: unknown = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined;
		return typeof version === 'string' ? version : '0.0.0';
	} catch {
		return '0.0.0';
	}
};

/** Let stdout drain before exiting: a pipe may still hold the table. */
const exit = (code: number): void => {
	process.exitCode = code;
	process.stdout.write('', () => {
		process.exit(code);
	});
};

const usageError = (message: string): number => {
	process.stderr.write(`${programPrefix}${message}\n${usageHint}\n`);
	return exitCodes.usage;
};

const runDemoServerCommand = async (request: DemoServerRequest): Promise<number | undefined> => {
	const {runDemoServer, parseFlavor} = await import('./demo/index.js');
	try {
		await runDemoServer({
			port: request.port,
			auth: request.auth,
			// The cloud flavour takes an API key: `--auth` given there is that key, whole.
			apiKey: request.auth === undefined ? undefined : `${request.auth.user}:${request.auth.password}`,
			flavor: request.flavor === undefined ? undefined : parseFlavor(request.flavor),
			log(line) {
				process.stdout.write(`${line}\n`);
			},
		});
		return undefined; // Runs until SIGINT/SIGTERM closes it; then the event loop empties.
	} catch (error: unknown) {
		const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
		process.stderr.write(`${programPrefix}cannot start the demo server on port ${request.port} (${code}); try --port 0 for any free port\n`);
		return exitCodes.unavailable;
	}
};

const run = async (request: RunRequest): Promise<number> => {
	let {config} = request;
	if (request.pending !== undefined) {
		const outcome = await resolvePending(request.pending, processIo());
		if (outcome.kind === 'usage-error') {
			return usageError(outcome.message);
		}

		if (outcome.kind === 'interrupted') {
			return exitCodes.interrupted;
		}

		config = {...config, token: outcome.token};
	}

	const {connect} = await import('./cli/connect.js');
	const connected = await connect(config, request.connection);
	try {
		const runner = chooseRunner(request.mode, {stdoutIsTty: process.stdout.isTTY, stdinIsTty: process.stdin.isTTY});
		if (runner.kind === 'tui' || runner.kind === 'json-watch' || runner.kind === 'wait-lines') {
			keepYoungGenerationSmall();
		}

		if (runner.kind === 'tui') {
			if (!connected.config.color) {
				// Ink styles through chalk, which reads FORCE_COLOR once, when first imported (below): without
				// this, --no-color / NO_COLOR / TERM=dumb would still get bold and inverse.
				process.env['FORCE_COLOR'] = '0';
			}

			// The first list request goes out now, while Ink, React and yoga load (the largest part of start-up).
			const prefetch = prefetchFirstList(connected.client, firstScope(connected.config), () => Date.now());
			const {runTui} = await import('./tui.js');
			return await runTui({
				client: prefetch.client, firstList: prefetch.takeReady(), config: connected.config, serverLabel: connected.serverLabel,
				wait: runner.wait === undefined ? undefined : {jobIds: runner.wait.jobIds, retries: request.retries},
			});
		}

		const controller = new AbortController();
		const onInterrupt = (): void => {
			controller.abort();
		};

		process.once('SIGINT', onInterrupt);
		process.once('SIGTERM', onInterrupt);
		try {
			return await runScriptMode(runner, {
				client: connected.client,
				config: connected.config,
				retries: request.retries,
				out(text) {
					process.stdout.write(text);
				},
				err(text) {
					process.stderr.write(text);
				},
				now: () => Date.now(),
				sleep: realClock.sleep,
				signal: controller.signal,
			});
		} finally {
			process.off('SIGINT', onInterrupt);
			process.off('SIGTERM', onInterrupt);
		}
	} finally {
		await connected.close();
	}
};

const main = async (): Promise<number | undefined> => {
	const parsed = parseConfig(process.argv.slice(2), process.env, {
		version: readVersion(),
		columns: process.stdout.columns,
		platform: process.platform,
	});
	switch (parsed.kind) {
		case 'help':
		case 'version': {
			process.stdout.write(`${parsed.text}\n`);
			return exitCodes.ok;
		}

		case 'usage-error': {
			return usageError(parsed.message);
		}

		case 'demo-server': {
			return runDemoServerCommand(parsed);
		}

		case 'run': {
			return run(parsed);
		}
	}
};

// `head` closing the pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') {
		process.exit(exitCodes.ok);
	}
});

try {
	const code = await main();
	if (code !== undefined) {
		exit(code);
	}
} catch (error: unknown) {
	// A bug: one line, no stack (objects on it may hold the config, and the config holds the token).
	process.stderr.write(`${programPrefix}unexpected error: ${error instanceof Error ? error.message : 'unknown'}\n`);
	exit(1);
}
