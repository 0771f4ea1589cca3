import type {Job} from '../model/jobs/job.js';
import {listOf, type HubServer, type LoopScope} from './contexts-lists.js';
import type {Loop} from './contexts-status.js';
import {classifyFailure, retryDelay} from './retry-policy.js';

export type LoopHooks = {
	/** The context's keyer (contexts-lists.ts jobKeyer): its jobs as the screen keys them. */
	readonly keyJobs: (jobs: readonly Job[]) => readonly Job[];
	readonly now: () => number;
	/** After every answer, good or bad. */
	readonly answered: () => void;
	/** After an answer that turned the context good or bad (or was its first). */
	readonly turned: () => void;
};

/**
One context's poller for the hub (contexts-hub.ts): its own timer, backoff and abort, so a down or slow
cluster delays nobody else. `pollNow` (the screen's `r`) asks at once, or once more right after a request
that is out: that request's answer is older than the press.
*/
export const startContextLoop = (server: HubServer, loopScope: LoopScope, hooks: LoopHooks): Loop => {
	const {keyJobs, now} = hooks;
	const controller = new AbortController();
	let timer: NodeJS.Timeout | undefined;
	let inFlight = false;
	let again = false;
	const loop: Loop = {
		status: {
			name: server.name, uri: server.uri, error: undefined, failures: 0, lastOkAt: undefined, nextAt: undefined, scope: loopScope,
		},
		jobs: [],
		struggles: 0,
		counted: undefined,
		fresh: false,
		pollNow() {
			if (inFlight) {
				again = true;
				return;
			}

			clearTimeout(timer);
			void poll();
		},
		stop() {
			controller.abort();
			clearTimeout(timer);
		},
	};
	const poll = async (): Promise<void> => {
		inFlight = true;
		const result = await listOf(server, loopScope, controller.signal);
		inFlight = false;
		if (controller.signal.aborted) {
			return;
		}

		// `r` came while this request was out: its answer is kept, and the server asked again at once.
		const repeat = again;
		again = false;
		loop.fresh &&= repeat;

		const failures = result.ok ? 0 : loop.status.failures + 1;
		const turned = loop.status.lastOkAt === undefined || (loop.status.error === undefined) !== result.ok;
		// As the single-server screen (hooks/use-poll.ts): back off only from a struggling server.
		loop.struggles = !result.ok && classifyFailure(result.error) === 'struggling' ? loop.struggles + 1 : 0;
		const delay = retryDelay(server.intervalMs, loop.struggles, result.ok ? undefined : result.error);
		loop.status = {
			...loop.status, error: result.ok ? undefined : result.error, failures, lastOkAt: result.ok ? now() : loop.status.lastOkAt, nextAt: now() + delay,
		};
		if (result.ok) {
			loop.jobs = keyJobs(result.value);
		}

		hooks.answered();
		if (turned) {
			hooks.turned();
		}

		if (repeat) {
			void poll();
			return;
		}

		timer = setTimeout(() => {
			void poll();
		}, delay);
	};

	void poll();
	return loop;
};
