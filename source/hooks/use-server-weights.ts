import {useEffect, useRef} from 'react';
import type {ImportClient, RequestOptions, ServerVersion} from '../api/types.js';
import type {WeightProfile} from '../model/jobs/rates.js';
import type {Action} from '../model/store/actions.js';

/** The progress weights of a version family; undefined when it is not known (no phase words, no ETA). */
export const weightsFor = (version: ServerVersion): WeightProfile | undefined => {
	switch (version) {
		case '2.4.0': {
			return 'v2.4.0';
		}

		case '2.4.13': {
			return 'v2.4.13';
		}

		case '2.5': {
			return 'v2.5';
		}

		case 'unknown': {
			return undefined;
		}
	}
};

/** Several contexts: each one's server asked on its own (api/contexts-hub.ts). */
export type ContextVersions = {
	readonly names: readonly string[];
	readonly detectVersion?: (name: string, options?: RequestOptions) => Promise<ServerVersion | undefined>;
	/** Told when a context turns good or bad; `statuses` then says which are good. */
	readonly subscribe?: (listener: () => void) => () => void;
	readonly statuses?: () => ReadonlyArray<{readonly name: string; readonly error: unknown; readonly lastOkAt: number | undefined}>;
};

/**
Each context's version, asked of its own server all at once; one that could not tell (down when the screen
started: 'unknown') is asked again when its context next turns good.
*/
const detectEach = (contexts: ContextVersions, detectVersion: NonNullable<ContextVersions['detectVersion']>, dispatch: (action: Action) => void, signal: AbortSignal): (() => void) => {
	const retry = new Set<string>();
	const ask = (name: string): void => {
		void detectVersion(name, {signal}).then(version => {
			if (signal.aborted) {
				return;
			}

			if (version === 'unknown') {
				retry.add(name);
			}

			dispatch({type: 'set-weights', weights: version === undefined ? undefined : weightsFor(version), context: name});
		});
	};

	for (const name of contexts.names) {
		ask(name);
	}

	return contexts.subscribe?.(() => {
		for (const status of contexts.statuses?.() ?? []) {
			if (retry.has(status.name) && status.error === undefined && status.lastOkAt !== undefined) {
				retry.delete(status.name);
				ask(status.name);
			}
		}
	}) ?? (() => undefined);
};

/**
Asks the server once which version family it is (two read-only probes, api/client.ts detectVersion) and
stores the weights its progress is read with. A client that cannot tell (Zilliz Cloud) leaves them unknown.
A server that could not be asked (down, refusing or slow when the screen started: 'unknown') is asked again
after its next good poll (`pollOkAt`, the store's `poll.lastOkAt`), so its stage words and ETA come once it
answers rather than never.
With several contexts each context's server is asked, all at once, and each answer is that context's
weights as soon as it comes: a slow or old cluster neither delays nor decides the others'. A context that
could not tell (down at start) is asked again once it answers a poll.
*/
export function useServerWeights(client: ImportClient, dispatch: (action: Action) => void, contexts?: ContextVersions, pollOkAt?: number): void {
	// Set while the single server's answer was 'unknown': the next good poll asks again.
	const askAgain = useRef<(() => void) | undefined>(undefined);
	useEffect(() => {
		const controller = new AbortController();
		const {signal} = controller;
		let unsubscribe = (): void => undefined;
		if (contexts?.detectVersion !== undefined) {
			unsubscribe = detectEach(contexts, contexts.detectVersion, dispatch, signal);
		} else if (client.detectVersion !== undefined) {
			const {detectVersion} = client;
			const ask = (): void => {
				askAgain.current = undefined;
				void detectVersion({signal}).then(version => {
					if (signal.aborted) {
						return;
					}

					if (version === 'unknown') {
						askAgain.current = ask;
					}

					dispatch({type: 'set-weights', weights: weightsFor(version)});
				});
			};

			ask();
		}

		return () => {
			askAgain.current = undefined;
			unsubscribe();
			controller.abort();
		};
	}, [client, dispatch, contexts]);
	useEffect(() => {
		if (pollOkAt !== undefined) {
			askAgain.current?.();
		}
	}, [pollOkAt]);
}
