import {phaseAt, type SimJob} from './sim.js';

/**
The effect of the 3.0-dev commit and abort routes (docs/milvus-rest.md#commit-and-abort, PR #48524) on a job's
plan. A job created with `auto_commit=false` waits in Uncommitted; left alone the demo commits it
itself after the planned 15–30 s (so a demo without a client that commits still finishes). These
edit the plan at `now`, and the view stays a pure function of (job, clock).
*/

/**
Uncommitted → Committing at `now`; Committing keeps its planned length. In any other phase the
plan is unchanged: Milvus' notes say only that the route answers `{}`, so the demo accepts it and does nothing.
*/
export const commitJob = (job: SimJob, now: number): SimJob => {
	const snapshot = phaseAt(job, now);
	if (snapshot.phase !== 'Uncommitted') {
		return job;
	}

	const index = job.steps.indexOf(snapshot.step);
	const steps = job.steps.map((step, i) => {
		if (i === index) {
			return {...step, end: now};
		}

		return i === index + 1 ? {...step, start: now, end: now + (step.end - step.start)} : step;
	});
	return {...job, steps};
};

/**
The job fails at `now` unless it has finished or is already Committing (past the point of no return).
No reason text: Milvus gives none, so the Failed job carries none (`reason` is omitted, as Milvus does
for an empty one).
*/
export const abortJob = (job: SimJob, now: number): SimJob => {
	const {phase} = phaseAt(job, now);
	if (phase === 'Completed' || phase === 'Failed' || phase === 'Committing') {
		return job;
	}

	return {...job, failure: {at: now, reason: '', file: undefined}};
};
