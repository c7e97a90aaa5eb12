import { describe, expect, it } from 'vitest';
import { composeArgs, outputFormat, progressFrom } from './compose';
import type { RecordedTrack } from '../../media/recording/sink';

const track = (file: string, source: RecordedTrack['source'], offsetMs = 0): RecordedTrack => ({
	file,
	source,
	offsetMs,
	publisherId: 'p',
	kind: source === 'microphone' ? 'audio' : 'video'
});
const mp4 = outputFormat(' V....D libx264   libx264 H.264\n A..... aac');

describe('compose', () => {
	it('picks MP4 with libx264 and WebM without it', () => {
		expect(mp4.ext).toBe('mp4');
		expect(mp4.container).toContain('+faststart');
		expect(outputFormat(' V....D libvpx  libvpx VP8').ext).toBe('webm');
	});

	it('puts the screen full size and the camera as an inset when both exist, and mixes every microphone at its offset', () => {
		const args = composeArgs({
			dir: '/r',
			durationMs: 10_000,
			output: '/o.mp4',
			format: mp4,
			tracks: [
				track('1.webm', 'camera'),
				track('2.webm', 'microphone'),
				track('3.webm', 'screen', 2500),
				track('4.webm', 'microphone', 4000)
			]
		});
		const graph = args[args.indexOf('-filter_complex') + 1];
		expect(args.filter((a) => a.startsWith('/r/'))).toEqual(['/r/3.webm', '/r/1.webm', '/r/2.webm', '/r/4.webm']);
		expect(graph).toContain('[0:v]scale=1280:720');
		expect(graph).toContain('setpts=PTS-STARTPTS+2.500/TB');
		expect(graph).toContain('[1:v]scale=320:180');
		expect(graph).toContain('adelay=4000:all=1');
		expect(graph).toContain('amix=inputs=2');
		expect(args.slice(-3)).toEqual(['-t', '10.000', '/o.mp4']);
	});

	it('shows the camera full size without a screen share, and silence without a microphone', () => {
		const graph = composeArgs({
			dir: '/r',
			durationMs: 5000,
			output: '/o.mp4',
			format: mp4,
			tracks: [track('1.webm', 'camera'), track('9.webm', 'screen', 9000)]
		}).join(' ');
		expect(graph).toContain('[0:v]scale=1280:720');
		expect(graph).not.toContain('scale=320:180');
		expect(graph).toContain('anullsrc');
	});

	it('reads progress from -progress output', () => {
		expect(progressFrom('out_time_us=5000000', 10_000)).toBe(50);
		expect(progressFrom('out_time_us=20000000', 10_000)).toBe(99);
		expect(progressFrom('frame=10', 10_000)).toBeUndefined();
	});
});
