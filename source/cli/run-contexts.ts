import type {ContextRun, RunRequest} from '../config/config.js';
import {programPrefix} from '../modes/context.js';
import {realClock} from '../api/rate-limit.js';
import type {ContextServer, ContextsModeContext} from '../modes/contexts.js';
import {exitCodes} from '../modes/exit-codes.js';
import type {TlsMaterial} from '../api/transport.js';
import type {Runner} from './dispatch.js';
import {processIo, resolvePending} from './credentials.js';
import {usageError} from './exit.js';
import type {Connected} from './connect.js';
import {loadTransport} from './load-transport.js';
import {stopOnSignals} from './stop-signals.js';

/** Each context's pending credential (a token file, a password to ask for), in order; a message names the context, never the token. */
export const resolveContextCredentials = async (contexts: readonly ContextRun[]): Promise<readonly ContextRun[] | number> => {
	const resolved: ContextRun[] = [];
	for (const context of contexts) {
		if (context.pending === undefined) {
			resolved.push(context);
			continue;
		}

		// eslint-disable-next-line no-await-in-loop -- a password prompt asks one context at a time
		const outcome = await resolvePending(context.pending, processIo());
		if (outcome.kind === 'usage-error') {
			return usageError(`context ${context.name}: ${outcome.message}`);
		}

		if (outcome.kind === 'interrupted') {
			return exitCodes.interrupted;
		}

		resolved.push({...context, config: {...context.config, token: outcome.token}, pending: undefined});
	}

	return resolved;
};

/** Each context's TLS files (and passphrase), in order; an exit code when one cannot be used. */
export const loadContextTransports = async (contexts: readonly ContextRun[]): Promise<ReadonlyArray<TlsMaterial | undefined> | number> => {
	const transports: TlsMaterial[] = [];
	for (const context of contexts) {
		// eslint-disable-next-line no-await-in-loop -- a passphrase prompt asks one context at a time
		const material = await loadTransport(context.config);
		if (typeof material === 'number') {
			return material;
		}

		transports.push(material);
	}

	return transports;
};

/** Connects every context; closes them all when done. */
export const connectContexts = async (contexts: readonly ContextRun[], transports: ReadonlyArray<TlsMaterial | undefined>): Promise<{readonly servers: readonly ContextServer[]; readonly connected: readonly Connected[]}> => {
	const {connect} = await import('./connect.js');
	const connected = await Promise.all(contexts.map(async (context, index) => connect(context.config, context.connection, transports[index])));
	return {
		servers: connected.map((one, index) => ({
			name: contexts[index]!.name, client: one.client, config: one.config, actions: one.actions, actionsOff: one.actionsOff,
		})),
		connected,
	};
};

type ScriptRunner = Exclude<Runner, {readonly kind: 'tui'}>;

/**
The script modes over several contexts (modes/run-once-contexts.ts, modes/run-watch-contexts.ts). The polling
ones (`--json --watch`, `--wait`) feed one journal, --notify and --on-event, as the live screen does.
*/
export const runContextsScript = async (runner: ScriptRunner, request: RunRequest, runs: readonly ContextRun[], servers: readonly ContextServer[]): Promise<number> => {
	const stop = stopOnSignals();
	const polls = runner.kind === 'json-watch' || runner.kind === 'wait-lines';
	const {openContextsFeed} = await import('./contexts-feed.js');
	const fed = polls
		? openContextsFeed(request, runs, servers, {
			watchedIds: runner.kind === 'wait-lines' ? runner.jobIds : undefined,
			report(message) {
				process.stderr.write(`${programPrefix}${message}\n`);
			},
		})
		: undefined;
	const {retries} = request;
	const context: ContextsModeContext = {
		contexts: fed?.servers ?? servers,
		config: servers[0]!.config,
		retries,
		out(text) {
			process.stdout.write(text);
		},
		err(text) {
			process.stderr.write(text);
		},
		now: () => Date.now(),
		sleep: realClock.sleep,
		signal: stop.signal,
	};
	try {
		const code = await runMode(runner, context);
		return stop.exitCode(code);
	} finally {
		stop.dispose();
		const feed = await fed?.feed;
		await feed?.close();
	}
};

const runMode = async (runner: ScriptRunner, context: ContextsModeContext): Promise<number> => {
	switch (runner.kind) {
		case 'plain':
		case 'json': {
			const {runOnceContexts} = await import('../modes/run-once-contexts.js');
			return runOnceContexts(context, runner.kind);
		}

		case 'json-watch': {
			const {runJsonWatchContexts} = await import('../modes/run-watch-contexts.js');
			return runJsonWatchContexts(context);
		}

		case 'wait-lines': {
			const {runWaitContexts} = await import('../modes/run-watch-contexts.js');
			return runWaitContexts(context, runner.jobIds);
		}
	}
};
