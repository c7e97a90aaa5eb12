// Test data for IR recordings: a live session with a registrant (current NDA), one with the old
// NDA, a stranger; a private recordings directory; raw tracks made by ffmpeg as the sink writes them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/server/db';
import type { RecordingDeps } from '$lib/server/ir/recording/deps';
import { registerForEvent } from '$lib/server/ir/registration';
import { createDiskStore } from '$lib/server/storage/disk-store';
import { TRACKS_MANIFEST, type RecordedTrack } from '$lib/server/media/recording/sink';
import { actorOf, context, createInvestor, createOperator, createStartup, createUser, schedule } from './ir-support';

export async function recordingsDir() {
	const dir = await mkdtemp(join(tmpdir(), 'mc-recordings-'));
	return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function testDeps(dir: string, announced: Array<{ eventId: string; recording: boolean }> = []): RecordingDeps {
	return {
		store: createDiskStore(dir),
		retentionDays: 180,
		announce: (eventId, state) => announced.push({ eventId, recording: state.recording })
	};
}

/** A live session with an NDA (v2 now): a presenter, an operator moderating, registrants on v2 and v1, a stranger. */
export async function liveSession(db: Kysely<DB>) {
	const startup = await createStartup(db);
	const operator = await createOperator(db);
	const NDA = { ndaRequired: true, ndaText: 'Confidential.', ndaVersion: 'v1' };
	const event = await schedule(db, startup.owner, startup.org.id, {
		moderatorId: operator.id,
		presenterIds: [startup.member.id],
		...NDA,
		access: 'members'
	});
	const [current, outdated, unregistered] = [
		await createInvestor(db),
		await createInvestor(db),
		await createInvestor(db)
	];
	await registerForEvent(db, actorOf(outdated.user), event.id, 'v1', context);
	await db
		.updateTable('ir_events')
		.set({ nda_version: 'v2', status: 'live', live_started_at: new Date() })
		.where('id', '=', event.id)
		.execute();
	await registerForEvent(db, actorOf(current.user), event.id, 'v2', context);
	const stranger = await createUser(db);
	return {
		event,
		startup,
		operator,
		presenter: startup.member,
		current: current.user,
		outdated: outdated.user,
		unregistered: unregistered.user,
		stranger
	};
}

/** Writes `seconds` of raw tracks (camera VP8, microphone Opus, screen VP8) and their manifest, as the sink would. */
export async function writeRawTracks(dir: string, seconds: number): Promise<RecordedTrack[]> {
	const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
	ffmpeg([
		'-f',
		'lavfi',
		'-i',
		`testsrc2=size=320x240:rate=15:duration=${seconds}`,
		'-c:v',
		'libvpx',
		'-deadline',
		'realtime',
		'-cpu-used',
		'8',
		join(dir, '001-camera.webm')
	]);
	ffmpeg([
		'-f',
		'lavfi',
		'-i',
		`sine=frequency=440:sample_rate=48000:duration=${seconds}`,
		'-c:a',
		'libopus',
		join(dir, '002-microphone.webm')
	]);
	ffmpeg([
		'-f',
		'lavfi',
		'-i',
		`smptebars=size=640x360:rate=15:duration=${seconds - 1}`,
		'-c:v',
		'libvpx',
		'-deadline',
		'realtime',
		'-cpu-used',
		'8',
		join(dir, '003-screen.webm')
	]);
	const tracks: RecordedTrack[] = [
		{ file: '001-camera.webm', publisherId: 'p1', source: 'camera', kind: 'video', offsetMs: 0 },
		{ file: '002-microphone.webm', publisherId: 'p1', source: 'microphone', kind: 'audio', offsetMs: 0 },
		{ file: '003-screen.webm', publisherId: 'p1', source: 'screen', kind: 'video', offsetMs: 1000 }
	];
	await writeFile(join(dir, TRACKS_MANIFEST), tracks.map((t) => JSON.stringify(t)).join('\n') + '\n{"torn');
	return tracks;
}

export function probeDuration(file: string): number {
	return Number(
		execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file])
			.toString()
			.trim()
	);
}
