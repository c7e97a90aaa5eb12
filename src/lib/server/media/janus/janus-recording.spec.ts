// The Janus sink's rules without Janus (tests/integration/media-janus-recording.test.ts has the real
// one): who is configured to record, under which file names, and that a second stop does nothing more.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startJanusRecording, type JanusRecordingHost, type RecordablePublisher } from './janus-recording';

const logger = { warn: () => {}, debug: () => {} };
const camera: RecordablePublisher = {
	peerId: 'speaker',
	handleId: 11,
	mids: ['0', '1'],
	sources: { '0': 'camera', '1': 'microphone' }
};

function fakeHost(publishers: RecordablePublisher[]) {
	const calls: Array<{ handleId: number; body: Record<string, unknown> }> = [];
	let listener: ((p: RecordablePublisher) => void) | undefined;
	const host: JanusRecordingHost = {
		publishers: () => publishers,
		onPublisher: (l) => {
			listener = l;
			return () => (listener = undefined);
		},
		configure: async (handleId, body) => void calls.push({ handleId, body })
	};
	return { host, calls, join: (p: RecordablePublisher) => listener?.(p) };
}

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('startJanusRecording', () => {
	it('records present and later publishers once each, in the folder, and stops once', async () => {
		dir = await mkdtemp(join(tmpdir(), 'mc-janusrec-spec-'));
		const { host, calls, join: joinLater } = fakeHost([camera]);
		const sink = startJanusRecording(host, 'rec', dir, logger);
		const screen: RecordablePublisher = { peerId: 'speaker', handleId: 12, mids: ['0'], sources: { '0': 'screen' } };
		joinLater(screen);
		joinLater(screen); // the same handle again: not a second file set
		await Promise.all([sink.stop(), sink.stop()]);
		await sink.stop();
		joinLater({ ...screen, handleId: 13 }); // after the stop: not recorded
		const starts = calls.filter((c) => c.body.record === true);
		const stops = calls.filter((c) => c.body.record === false);
		// Each publisher's `record` call is its own request: they may complete in either order.
		expect(starts.map((c) => c.handleId).sort()).toEqual([11, 12]);
		expect(stops.map((c) => c.handleId).sort()).toEqual([11, 12]);
		for (const start of starts) expect(String(start.body.filename).startsWith(`${dir}/`)).toBe(true);
		const first = String(starts.find((c) => c.handleId === 11)!.body.filename);
		expect(JSON.parse(await readFile(`${first}.janus.json`, 'utf8'))).toEqual({
			publisherId: 'speaker',
			sources: ['camera', 'microphone']
		});
	});
});
