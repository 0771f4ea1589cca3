import type {RunRequest} from '../config/config.js';
import {realClock} from '../api/rate-limit.js';
import {programPrefix} from '../modes/context.js';
import {firstScope} from '../model/store/first-scope.js';
import {exitCodes} from '../modes/exit-codes.js';
import {processIo, resolvePending} from './credentials.js';
import {loadTransport} from './load-transport.js';
import {chooseRunner, runScriptMode} from './dispatch.js';
import {usageError} from './exit.js';
import {prefetchFirstList} from './prefetch.js';
import {keepYoungGenerationSmall} from './young-generation.js';
import {stopOnSignals} from './stop-signals.js';

/** Watching jobs: credentials that need I/O, the connection, then the live screen or a script mode. */
export const run = async (request: RunRequest): Promise<number> => {
	if (request.contexts !== undefined && request.contexts.length > 1) {
		const {runContexts} = await import('./run-contexts-main.js');
		return runContexts(request, request.contexts);
	}

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

	const tls = await loadTransport(config);
	if (typeof tls === 'number') {
		return tls;
	}

	const {connect} = await import('./connect.js');
	const connected = await connect(config, request.connection, tls);
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

			// The journal is read while the first list is fetched; its problems are said once the screen is gone.
			const messages = new Set<string>();
			const {openFeed, clusterOf} = await import('./feed.js');
			const {journalingClient} = await import('../journal/journaling-client.js');
			const {journalSnapshot} = await import('../journal/to-model.js');
			const cluster = clusterOf(request.connection, connected.config.uri);
			const feed = openFeed(request, connected, {
				watchedIds: runner.wait?.jobIds,
				report(message) {
					messages.add(message);
				},
			});
			const client = journalingClient(connected.client, feed, {
				cluster, dbName: connected.config.dbName, collections: connected.config.collections, now: () => Date.now(), context: connected.config.contextName,
			});
			// The first list request goes out now, while Ink, React and yoga load (the largest part of start-up).
			const prefetch = prefetchFirstList(client, firstScope(connected.config), () => Date.now());
			const {runTui} = await import('./tui.js');
			try {
				return await runTui({
					client: prefetch.client, firstList: prefetch.takeReady(), config: connected.config, serverLabel: connected.serverLabel,
					actions: connected.actions, actionsOff: connected.actionsOff,
					wait: runner.wait === undefined ? undefined : {jobIds: runner.wait.jobIds, retries: request.retries},
					journal: feed.then(ready => journalSnapshot(ready.journal.known(), ready.journal.earlier, cluster)),
				});
			} finally {
				const ready = await feed;
				await ready.close();
				for (const message of messages) {
					process.stderr.write(`${programPrefix}${message}\n`);
				}
			}
		}

		const stop = stopOnSignals();

		const polls = runner.kind === 'json-watch' || runner.kind === 'wait-lines';
		const {openFeed, clusterOf, scopeOf} = await import('./feed.js');
		const feed = polls ? await openFeed(request, connected, {watchedIds: runner.kind === 'wait-lines' ? runner.jobIds : undefined}) : undefined;
		const scope = scopeOf(clusterOf(request.connection, connected.config.uri), connected.config.dbName, connected.config.collections, connected.config.contextName);
		try {
			const code = await runScriptMode(runner, {
				onPoll: feed === undefined
					? undefined
					: (jobs, at) => {
						feed.onPoll(scope, jobs, at);
					},
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
				signal: stop.signal,
			});
			return stop.exitCode(code);
		} finally {
			stop.dispose();

			await feed?.close();
		}
	} finally {
		await connected.close();
	}
};

