import type {Watchers} from '../config/types.js';
import type {Job} from '../model/jobs/job.js';
import {createEventRunner, type EventRunner} from '../notify/on-event.js';
import {oscNotification, type NotifyTarget} from '../notify/osc.js';
import {createNotifyPlan, type Notification} from '../notify/plan.js';
import {openJournal, type Journal} from './journal.js';
import type {JournalScope} from './observer.js';
import type {JournalRecord} from './record.js';

/** What every polling mode calls after a good poll: journal, notifications, --on-event. */
export type PollFeed = {
	readonly onPoll: (scope: JournalScope, jobs: readonly Job[], at: number) => readonly JournalRecord[];
	readonly journal: Journal;
	/** Lets a running --on-event command finish (bounded by its timeout) before the app exits. */
	readonly close: () => Promise<void>;
};

export type FeedOptions = {
	readonly watchers: Watchers;
	/** The journal's folder (paths.ts); ignored with --no-journal. */
	readonly dir: string;
	/** Several contexts: each one's cluster (one journal for all; records carry their context). */
	readonly cluster: string | readonly string[];
	readonly stallAfterMs: number;
	readonly env: Readonly<Record<string, string | undefined>>;
	readonly now: () => number;
	/** One line for the user (stderr, or the screen's message line); each problem is reported once. */
	readonly report: (message: string) => void;
	/** Where --notify writes its OSC: the terminal; undefined when there is none (then --notify says so once). */
	readonly terminal: ((text: string) => void) | undefined;
	readonly notifyTarget: NotifyTarget;
	/** `--wait --job` ids: --notify speaks of these only. */
	readonly watchedIds?: readonly string[];
};

/**
--notify per context: each context's own "all finished" (a context done while another still runs is news of
that context), named in the title; with `--wait --job CONTEXT/ID` a context speaks of its own ids only, and
not at all when none is its. Without contexts (context ''), the one plan as before.
*/
const notifyPlans = (watchedIds: readonly string[] | undefined) => {
	const plans = new Map<string, ReturnType<typeof createNotifyPlan> | undefined>();
	const planOf = (context: string) => {
		if (!plans.has(context)) {
			const all = context === '' || watchedIds === undefined || watchedIds.length === 0;
			const own = all ? watchedIds : watchedIds.filter(id => id.startsWith(`${context}/`)).map(id => id.slice(context.length + 1));
			plans.set(context, !all && own?.length === 0 ? undefined : createNotifyPlan(own));
		}

		return plans.get(context);
	};

	return (context: string, records: readonly JournalRecord[], jobs: readonly Job[]): Notification[] =>
		(planOf(context)?.(records, jobs) ?? []).map(note => context === '' ? note : {...note, title: `${note.title} (${context})`});
};

export const openPollFeed = async (options: FeedOptions): Promise<PollFeed> => {
	const {watchers, report} = options;
	const journal = await openJournal({
		dir: watchers.journal ? options.dir : undefined,
		cluster: options.cluster,
		stallAfterMs: options.stallAfterMs,
		now: options.now,
		onError: report,
	});
	const runner: EventRunner | undefined = watchers.onEvent === undefined
		? undefined
		: createEventRunner({command: watchers.onEvent, env: options.env, onError: report});
	const plan = watchers.notify ? notifyPlans(options.watchedIds) : undefined;
	if (plan !== undefined && options.terminal === undefined) {
		report('--notify: no terminal to write the notification to (stdout and stderr are not terminals)');
	}

	// --no-journal without --notify or --on-event: nothing needs the transitions, so they are not derived.
	const active = watchers.journal || plan !== undefined || runner !== undefined;
	return {
		journal,
		onPoll(scope, jobs, at) {
			if (!active) {
				return [];
			}

			const records = journal.observe(scope, jobs, at);
			runner?.push(records);
			if (plan !== undefined && options.terminal !== undefined) {
				for (const note of plan(scope.context, records, jobs)) {
					options.terminal(oscNotification(note.title, note.body, options.notifyTarget));
				}
			}

			return records;
		},
		close: async () => runner?.drain(),
	};
};
