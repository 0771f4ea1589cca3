import type {ActionOutcome, JobActions} from './job-actions.js';

/** One context's commit/abort: its own client (address, credentials), or why it has none. */
export type ContextActions = {
	readonly name: string;
	readonly actions: JobActions | undefined;
	/** `read-only`: its `readOnly: true` (or --read-only); `unsupported`: Zilliz Cloud, or it answered 404 (Milvus < 3.0). */
	readonly off: 'read-only' | 'unsupported' | undefined;
};

export type ContextsActions = {
	/** Sends to the row's own context (`context/id` → that context's client, the server's own id). */
	readonly actions: JobActions;
	/** Why the keys do nothing for this row's context; undefined: they can ask. */
	readonly offFor: (jobId: string | undefined) => 'read-only' | 'unsupported' | undefined;
};

const noContext: ActionOutcome = {kind: 'failed', error: {kind: 'bad-shape', detail: 'the job belongs to no context'}};

/**
Commit and abort over several contexts: each row's request goes to its own context, with that context's
credentials and TLS, never another's; a read-only context sends nothing (it has no JobActions at all).
A context that answers 404 is `unsupported` from then on, for its rows only.
*/
export const contextsActions = (contexts: readonly ContextActions[]): ContextsActions => {
	const missing = new Set<string>();
	const owner = (jobId: string | undefined) => jobId === undefined ? undefined : contexts.find(context => jobId.startsWith(`${context.name}/`));
	return {
		actions: {
			async send(action, request) {
				const context = owner(request.jobId);
				if (context?.actions === undefined || missing.has(context.name)) {
					return noContext;
				}

				const outcome = await context.actions.send(action, {...request, jobId: request.jobId.slice(context.name.length + 1)});
				if (outcome.kind === 'no-route') {
					missing.add(context.name);
				}

				return outcome;
			},
		},
		offFor(jobId) {
			const context = owner(jobId);
			if (context === undefined) {
				return undefined; // No row: the keys say "no job selected".
			}

			return context.off ?? (missing.has(context.name) ? 'unsupported' : undefined);
		},
	};
};
