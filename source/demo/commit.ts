import type {RunPhase} from './flavor.js';
import {phaseAt, type SimJob} from './sim.js';

/**
The effect of the 3.0 commit and abort routes (docs/milvus-rest.md#commit-and-abort, PR #48524)
on a job's plan. A job created with `auto_commit=false` waits in Uncommitted until someone commits
or aborts it, as on Milvus (sim.ts plans that wait as a very long step). Each function edits the
plan at `now`, so the view stays a pure function of (job, clock), or says why Milvus refuses.
*/

/** What a commit or abort does to a job: a new plan, nothing (an idempotent repeat), or Milvus' refusal. */
export type Verdict
	= | {readonly kind: 'changed'; readonly job: SimJob}
		| {readonly kind: 'unchanged'}
		| {readonly kind: 'refused'; readonly message: string};

/**
The reason an aborted job carries since PR #50692 (before it, a bare Failed). The literal is the
demo's: the app never parses reasons, it shows them.
*/
export const abortedReason = 'import job aborted by user';

type Phase = RunPhase | 'Completed' | 'Failed';

const refused = (message: string): Verdict => ({kind: 'refused', message});

/**
Uncommitted → Committing at `now` (Committing keeps its planned length). A repeated commit of a
Committing job is a no-op; anything else is refused: a job created with auto_commit=true commits
itself and takes no manual commit (milvus#53159 keeps that rule), and a job that has not reached
Uncommitted has nothing to commit yet.
*/
export const commitJob = (job: SimJob, now: number): Verdict => {
	if (job.autoCommit) {
		return refused(`job ${job.jobId} is an auto-commit job (auto_commit=true), commit not allowed`);
	}

	const snapshot = phaseAt(job, now);
	if (snapshot.phase === 'Committing') {
		return {kind: 'unchanged'};
	}

	if (snapshot.phase !== 'Uncommitted') {
		return refused(`job ${job.jobId} is in state ${nameOf(snapshot.phase)}, only an Uncommitted job can be committed`);
	}

	const index = job.steps.indexOf(snapshot.step);
	const steps = job.steps.map((step, i) => {
		if (i === index) {
			return {...step, end: now};
		}

		return i === index + 1 ? {...step, start: now, end: now + (step.end - step.start)} : step;
	});
	// A planned timeout still ahead no longer applies: Milvus never fails a Committing job (PR #53318).
	const failure = job.failure !== undefined && job.failure.at <= now ? job.failure : undefined;
	return {kind: 'changed', job: {...job, steps, failure}};
};

/**
Abort fails the job at `now` with the fixed reason. Refused for an auto_commit=true job (the default;
milvus#53159 asks to lift that) and once Committing or Completed (the rows are, or are becoming,
visible: PR #51083's wording). A repeated abort, or one of a job that failed on its own, changes
nothing and succeeds (PRs #50692, #51083).
*/
export const abortJob = (job: SimJob, now: number): Verdict => {
	if (job.autoCommit) {
		return refused(`job ${job.jobId} is an auto-commit job (auto_commit=true), abort not allowed`);
	}

	const {phase} = phaseAt(job, now);
	if (phase === 'Committing' || phase === 'Completed') {
		return refused(`job ${job.jobId} is in terminal/committed state ${phase}, abort not allowed`);
	}

	if (phase === 'Failed') {
		return {kind: 'unchanged'};
	}

	return {kind: 'changed', job: {...job, failure: {at: now, reason: abortedReason, file: undefined}}};
};

/** The job state the REST API would show for an internal phase (view.ts collapses the same way). */
const nameOf = (phase: Phase): string => {
	switch (phase) {
		case 'PreImporting':
		case 'Resharding':
		case 'Planning':
		case 'Sorting':
		case 'IndexBuilding': {
			return 'Importing';
		}

		case 'Pending':
		case 'Importing':
		case 'Uncommitted':
		case 'Committing':
		case 'Completed':
		case 'Failed': {
			return phase;
		}
	}
};
