import type {JobAction} from '../../api/job-actions.js';
import {cancelledText} from '../../render/job-action-prompt.js';
import type {Action} from '../store/actions.js';
import type {AppState} from '../store/state.js';
import {blockedReason, type ActionsAvailability} from './job-action-rules.js';

/** What `C`, `X` and the answer to their `[y/N]` mean, for the command planner. Pure. */

/** The one thing the store cannot do: send it (hooks/use-commands.ts does, and shows the outcome). */
export type JobActionEffect = {readonly type: 'send-job-action'; readonly action: JobAction; readonly jobId: string};

export type JobActionPlan = {readonly actions: readonly Action[]; readonly effects: readonly JobActionEffect[]};

/** The id of the job `C` / `X` act on: the one shown in the detail view (also under its `[y/N]`), else the selected row. */
export const actionTarget = (state: AppState): string | undefined =>
	state.mode === 'detail' || (state.mode === 'confirm' && state.previousMode === 'detail') ? (state.detail?.jobId ?? state.selectedJobId) : state.selectedJobId;

const targetOf = (state: AppState) => {
	const jobId = actionTarget(state);
	return jobId === undefined ? undefined : state.jobs.get(jobId);
};

/** `C` / `X`: the reason it cannot work, or the prompt. Nothing is sent before `y`. */
export const planAsk = (action: JobAction, state: AppState, availability: ActionsAvailability): JobActionPlan => {
	const job = targetOf(state);
	const reason = blockedReason(action, job, availability);
	if (reason !== undefined || job === undefined) {
		return {actions: [{type: 'set-notice', text: reason ?? `no job selected to ${action}`}], effects: []};
	}

	return {actions: [{type: 'ask', confirm: {action, jobId: job.jobId, collectionName: job.collectionName}}], effects: []};
};

/** The answer: `y` sends, anything else cancels. */
export const planAnswer = (yes: boolean, state: AppState): JobActionPlan => {
	const {confirm} = state;
	if (confirm === undefined) {
		return {actions: [{type: 'answered'}], effects: []};
	}

	return yes
		? {actions: [{type: 'answered'}], effects: [{type: 'send-job-action', action: confirm.action, jobId: confirm.jobId}]}
		: {actions: [{type: 'answered'}, {type: 'set-notice', text: cancelledText(confirm.action)}], effects: []};
};
