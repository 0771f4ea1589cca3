import type {Traits} from './flavor.js';
import {progressOf, sum, type TaskView} from './job-progress.js';
import {attemptAt} from './retry.js';
import {
	phaseAt, type SimFile, type SimJob, type Snapshot, type Step,
} from './sim.js';

export type {TaskView} from './job-progress.js';

export type JobView = {
	readonly state: string;
	readonly progress: number;
	readonly importedRows: number;
	readonly totalRows: number;
	readonly reason: string;
	readonly completeTime: number | undefined;
	readonly tasks: readonly TaskView[];
};

/** Go's `%v` of a []string: `[a.npy b.npy]`. */
export const fileName = (paths: readonly string[]): string => `[${paths.join(' ')}]`;

/** Share of a file's rows written at `fraction` of the rows stage; its progress is an integer percent, rows derive from it. */
const taskAt = (file: SimFile, step: Step, fraction: number): TaskView => {
	const attempt = attemptAt(file.retry, fraction);
	const task = {fileName: fileName(file.paths), fileSize: file.size, totalRows: file.rows};
	if (attempt.retrying) { // The failed attempt's rows are cleared until the task runs again.
		return {
			...task, progress: 0, state: 'Retry', importedRows: 0, completeTime: undefined, reason: file.retry?.reason ?? '',
		};
	}

	const progress = Math.floor(Math.min(1, attempt.run * file.speed) * 100);
	const done = progress >= 100;
	const length = step.end - step.start;
	return {
		...task,
		progress,
		state: done ? 'Completed' : (progress > 0 ? 'InProgress' : 'Pending'),
		importedRows: Math.floor((progress * file.rows) / 100),
		completeTime: done ? step.start + Math.round(file.retry ? length * (file.retry.resumeAt + (1 / file.speed)) : length / file.speed) : undefined,
		reason: '',
	};
};

/** V3 lists reshard tasks, which hash the rows during Resharding and never carry a completeTime. */
const v3Task = (task: TaskView): TaskView => ({...task, completeTime: undefined});

const tasksOf = (job: SimJob, snapshot: Snapshot, traits: Traits): TaskView[] => {
	const tasks = rowTasksOf(job, snapshot, traits.importV3 ? 'Resharding' : 'Importing');
	return traits.importV3 ? tasks.map(task => v3Task(task)) : tasks;
};

const rowTasksOf = (job: SimJob, snapshot: Snapshot, rowsPhase: 'Importing' | 'Resharding'): TaskView[] => {
	const importing = job.steps.find(step => step.phase === rowsPhase)!;
	if (snapshot.phase === 'Completed') {
		return job.files.map(file => taskAt(file, importing, 1));
	}

	const {step} = snapshot;
	if (!step || step.start < importing.start) {
		return []; // Pre-import tasks are not listed (docs/milvus-rest.md#describe).
	}

	const tasks = job.files.map(file => taskAt(file, importing, step === importing ? snapshot.fraction : 1));
	if (snapshot.phase !== 'Failed') {
		return tasks;
	}

	return tasks.map((task, i) => (task.state === 'Completed'
		? task
		: {
			...task, state: 'Failed', completeTime: undefined, reason: i === (job.failure?.file ?? 0) ? job.failure?.reason ?? '' : '',
		}));
};

const stateOf = (job: SimJob, snapshot: Snapshot): string => {
	switch (snapshot.phase) {
		case 'Pending':
		case 'Completed':
		case 'Failed': {
			return snapshot.phase;
		}

		case 'Uncommitted':
		case 'Committing': {
			return job.autoCommit ? 'Importing' : snapshot.phase;
		}

		case 'PreImporting':
		case 'Resharding':
		case 'Planning':
		case 'Importing':
		case 'Sorting':
		case 'IndexBuilding': {
			return 'Importing';
		}
	}
};

export const viewJob = (job: SimJob, now: number, traits: Traits): JobView => {
	const snapshot = phaseAt(job, now);
	const tasks = tasksOf(job, snapshot, traits);
	const failed = snapshot.phase === 'Failed';
	return {
		state: stateOf(job, snapshot),
		progress: progressOf(job, snapshot, traits, tasks),
		importedRows: failed ? 0 : sum(tasks, task => task.importedRows),
		totalRows: failed ? 0 : sum(tasks, task => task.totalRows),
		reason: failed ? job.failure?.reason ?? '' : '',
		completeTime: snapshot.phase === 'Completed' ? snapshot.at : undefined,
		tasks,
	};
};
