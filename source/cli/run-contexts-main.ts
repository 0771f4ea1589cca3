import type {ContextRun, RunRequest} from '../config/config.js';
import {chooseRunner} from './dispatch.js';
import {
	connectContexts, loadContextTransports, resolveContextCredentials, runContextsScript,
} from './run-contexts.js';
import {keepYoungGenerationSmall} from './young-generation.js';

/** Several contexts of the config file: credentials, one connection each, then the live screen or a script mode. */
export const runContexts = async (request: RunRequest, contexts: readonly ContextRun[]): Promise<number> => {
	const resolved = await resolveContextCredentials(contexts);
	if (typeof resolved === 'number') {
		return resolved;
	}

	const transports = await loadContextTransports(resolved);
	if (typeof transports === 'number') {
		return transports;
	}

	const {servers, connected} = await connectContexts(resolved, transports);
	try {
		const runner = chooseRunner(request.mode, {stdoutIsTty: process.stdout.isTTY, stdinIsTty: process.stdin.isTTY});
		if (runner.kind === 'tui' || runner.kind === 'json-watch' || runner.kind === 'wait-lines') {
			keepYoungGenerationSmall();
		}

		if (runner.kind === 'tui') {
			const {runContextsTui} = await import('./run-contexts-tui.js');
			return await runContextsTui(request, resolved, servers, runner.wait === undefined ? undefined : {jobIds: runner.wait.jobIds, retries: request.retries});
		}

		return await runContextsScript(runner, request, resolved, servers);
	} finally {
		await Promise.all(connected.map(async one => one.close()));
	}
};
