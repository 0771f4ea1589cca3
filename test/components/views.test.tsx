import {describe, expect, test} from 'vitest';
import {DetailView} from '../../source/components/detail-view.js';
import {EventLog} from '../../source/components/event-log.js';
import {Footer} from '../../source/components/footer.js';
import {Header, type HeaderProps} from '../../source/components/header.js';
import {HelpOverlay} from '../../source/components/help-overlay.js';
import {Picker} from '../../source/components/picker.js';
import {TooSmall} from '../../source/components/too-small.js';
import type {JobDetail} from '../../source/model/jobs/job.js';
import {renderFrame} from '../helpers/render.js';

const header = (more: Partial<HeaderProps> = {}): HeaderProps => ({
	width: 100,
	serverLabel: 'http://milvus:19530',
	dbName: 'analytics',
	collectionName: undefined,
	intervalMs: 2000,
	lastOkAgeMs: 3000,
	isPaused: false,
	error: undefined,
	retryInMs: undefined,
	counts: [{state: 'Importing', count: 2}, {state: 'Failed', count: 1}],
	overallProgress: 63,
	failuresSeen: 1,
	summary: 'showing 3 of 3 jobs · sort state',
	...more,
});

describe('Header', () => {
	test('where, how often, how fresh; counts with glyphs; overall progress; failures seen', () => {
		const lines = renderFrame(<Header {...header()}/>).split('\n');
		expect(lines[0]).toBe('http://milvus:19530  db analytics  all collections  every 2s  updated 3s ago');
		expect(lines[1]).toMatch(/^◐ Importing 2 {2}✗ Failed 1 +overall [█▉·]+ +63% {2}failures seen 1$/v);
		expect(lines[2]).toBe('showing 3 of 3 jobs · sort state');
	});

	test('one collection, paused', () => {
		const frame = renderFrame(<Header {...header({collectionName: 'books', isPaused: true, lastOkAgeMs: undefined})}/>);
		expect(frame).toContain('db analytics  books  every 2s  waiting for first poll');
		expect(frame.split('\n')[0]).toMatch(/ {3}PAUSED$/v);
	});

	test('stale: the last good poll age, the retry and the one-line error instead of the summary', () => {
		const frame = renderFrame(<Header {...header({error: 'cannot reach milvus:19530 — is Milvus running?', retryInMs: 8000, lastOkAgeMs: 42_000})}/>);
		expect(frame.split('\n')[2]).toMatch(/^ STALE 42s {2}retry in 8s · cannot reach milvus:19530 — is Milvus running\?/v);
		expect(frame).not.toContain('showing 3 of 3');
	});

	test('ascii glyphs', () => {
		expect(renderFrame(<Header {...header()}/>, {ascii: true}).split('\n')[1]).toMatch(/^> Importing 2 {2}X Failed 1 +overall #+-+ +63%/v);
	});
});

describe('Footer', () => {
	test('the keys of the mode, from the keymap', () => {
		expect(renderFrame(<Footer mode='list' keyContext={{databases: false}} width={100} filterText='' notice={undefined}/>))
			.toBe('↑↓ move  / filter  f failed  C commit  X abort  1-6 states  c collection  ? help  q/Ctrl-C quit');
		expect(renderFrame(<Footer mode='list' keyContext={{databases: false, jobActions: 'unsupported'}} width={100} filterText='' notice={undefined}/>))
			.toBe('↑↓ move  / filter  f failed  1-6 states  c collection  s sort  p pause  ? help  q/Ctrl-C quit');
		expect(renderFrame(<Footer mode='detail' keyContext={{databases: false}} width={100} filterText='' notice={undefined}/>))
			.toBe('C commit  X abort  p pause  y copy id  ? help  Esc back  q/Ctrl-C quit');
	});

	test('the filter input line while typing', () => {
		expect(renderFrame(<Footer mode='filter' keyContext={{databases: true}} width={80} filterText='!books' notice={undefined}/>))
			.toBe('/!books▏  Enter keep  Esc clear');
	});

	test('hints that do not fit are left out whole; a notice comes first', () => {
		const frame = renderFrame(<Footer mode='list' keyContext={{databases: true}} width={40} filterText='' notice='copied 42'/>);
		expect(frame).toBe('copied 42  ? help  q/Ctrl-C quit');
	});
});

const detail: JobDetail = {
	jobId: '454891732197474580',
	collectionName: 'books',
	state: 'Failed',
	progress: 0,
	reason: 'failed to parse file part-1.parquet: the dimension of field vec is 128, but 768 was given in row 17; '.repeat(2).trim(),
	importedRows: 0,
	totalRows: 200_000,
	fileSize: 3 * 1024 * 1024,
	createTime: '2026-11-28T10:00:00Z',
	completeTime: '',
	files: [
		{
			fileName: 'part-0.parquet', fileSize: 1024, state: 'Completed', progress: 100, importedRows: 100_000, totalRows: 100_000, completeTime: '', reason: '',
		},
		{
			fileName: 'part-1.parquet', fileSize: 2048, state: 'Failed', progress: 0, importedRows: 0, totalRows: 100_000, completeTime: '', reason: 'dimension mismatch',
		},
	],
};

describe('DetailView', () => {
	test('the numbers, every file in a table, the whole reason wrapped', () => {
		const frame = renderFrame(<DetailView jobId={detail.jobId} job={undefined} detail={detail} isLoading={false} error={undefined} width={100} height={22}/>);
		expect(frame).toContain('Job 454891732197474580  books  ·  Esc to go back');
		expect(frame).toContain('State      ✗ Failed');
		expect(frame).toContain('Rows       0 / 200,000');
		expect(frame).toContain('File size  3.0 MiB');
		expect(frame).toContain('Created    2026-11-28T10:00:00Z');
		expect(frame).toContain('Completed  -');
		expect(frame.replaceAll(/\s+/gv, ' ')).toContain('but 768 was given in row 17; failed to parse file part-1.parquet: the dimension');
		expect(frame).toMatch(/│ part-1\.parquet │ Failed +│ 0% +│ 0\/100,000 +│ 2\.0 KiB │ dimension mismatch │/v);
		expect(frame).toContain('Files (2)');
	});

	test('loading, with the row from the list meanwhile; errors in one line', () => {
		const frame = renderFrame(<DetailView
			isLoading jobId='7' job={{
				jobId: '7', collectionName: 'books', state: 'Importing', progress: 30, reason: '',
			}}
			detail={undefined} error='describe is not supported by Milvus < 2.4.13' width={80}
			height={15}/>);
		expect(frame).toContain('Job 7  books  loading…');
		expect(frame).toContain('describe is not supported by Milvus < 2.4.13');
		expect(frame).toContain('State      ◐ Importing');
		expect(frame).toContain('Created    (not given by this server)');
	});

	test('ASCII: the file table rules become ASCII too', () => {
		const frame = renderFrame(<DetailView jobId={detail.jobId} job={undefined} detail={detail} isLoading={false} error={undefined} width={100} height={22}/>, {ascii: true});
		expect(frame).toMatch(/^[\u0000-\u007F]*$/v);
		expect(frame).toContain('+----------------+');
	});

	test('files that do not fit are counted, never drawn half', () => {
		const frame = renderFrame(<DetailView jobId={detail.jobId} job={undefined} detail={detail} isLoading={false} error={undefined} width={100} height={14}/>);
		expect(frame).toContain('Files (2), 2 not shown: enlarge the terminal');
		expect(frame).not.toContain('part-0');
	});
});

describe('overlays', () => {
	test('help is built from the keymap', () => {
		const frame = renderFrame(<HelpOverlay keyContext={{databases: true}} width={120} height={40}/>);
		expect(frame).toContain('Job list');
		expect(frame).toContain('Filter box');
		expect(frame).toMatch(/y +copy the job id \(OSC 52\)/v);
		expect(frame).toMatch(/d +pick a database/v);
		expect(renderFrame(<HelpOverlay keyContext={{databases: false}} width={120} height={40}/>)).not.toContain('pick a database');
	});

	test('event log: newest first, with local times', () => {
		const at = new Date(2026, 10, 28, 12, 34, 56).getTime();
		const frame = renderFrame(<EventLog
			events={[
				{
					at, kind: 'failed', jobId: '1', collectionName: 'books', detail: 'import timeout',
				},
				{
					at: at + 1000, kind: 'completed', jobId: '2', collectionName: 'movies', detail: '',
				},
			]}
			offset={0} width={100} height={10}/>);
		const lines = frame.split('\n');
		expect(lines[0]).toContain('Event log: 2 since start');
		expect(lines[1]).toMatch(/^✓ 12:34:57 {2}2 +movies +Completed/v);
		expect(lines[2]).toMatch(/^✗ 12:34:56 {2}1 +books +turned Failed: import timeout/v);
	});

	test('picker: entries, the highlight, the current one, loading and errors', () => {
		const frame = renderFrame(<Picker title='Collections' items={['all collections', 'books', 'movies']} isLoading={false} error={undefined} highlighted={1} current='movies' width={60} height={8}/>);
		expect(frame.trimEnd().split('\n')).toEqual([
			'Collections  ·  Enter to choose, Esc to go back',
			'  all collections',
			'► books',
			'  movies  (watching)',
		]);
		expect(renderFrame(<Picker isLoading title='Databases' items={[]} error={undefined} highlighted={0} current={undefined} width={60} height={8}/>)).toContain('loading…');
		expect(renderFrame(<Picker title='Databases' items={[]} isLoading={false} error='permission denied' highlighted={0} current={undefined} width={60} height={8}/>)).toContain('permission denied');
	});

	test('too small', () => {
		expect(renderFrame(<TooSmall columns={40} rows={8} minColumns={64} minRows={10}/>)).toBe('terminal too small: need 64×10 (have 40×8)');
	});
});
