// The ffmpeg command that turns a recording's raw tracks into one file every browser plays: the
// screen share as the picture with the camera as a small inset when both exist (else the camera
// alone), every microphone mixed, each file placed at its offset on a black canvas of the
// recording's length. Pure: the job runs what this returns.
import type { RecordedTrack } from '../../media/recording/sink';

export type OutputFormat = {
	ext: 'mp4' | 'webm';
	mimeType: string;
	video: string[];
	audio: string[];
	container: string[];
};

/** H.264/AAC MP4 with the index up front when Debian's ffmpeg has libx264, else VP8/Opus WebM. */
export function outputFormat(encoders: string): OutputFormat {
	if (/\blibx264\b/.test(encoders))
		return {
			ext: 'mp4',
			mimeType: 'video/mp4',
			video: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p'],
			audio: ['-c:a', 'aac', '-b:a', '96k'],
			container: ['-movflags', '+faststart']
		};
	return {
		ext: 'webm',
		mimeType: 'video/webm',
		video: ['-c:v', 'libvpx', '-b:v', '1M', '-deadline', 'realtime', '-cpu-used', '8'],
		audio: ['-c:a', 'libopus', '-b:a', '96k'],
		container: []
	};
}

const W = 1280;
const H = 720;
const INSET_W = 320;
const INSET_H = 180;

export type ComposeInput = {
	dir: string;
	tracks: RecordedTrack[];
	durationMs: number;
	output: string;
	format: OutputFormat;
};

export function composeArgs({ dir, tracks, durationMs, output, format }: ComposeInput): string[] {
	const seconds = (Math.max(durationMs, 1000) / 1000).toFixed(3);
	const inputs: string[] = [];
	const filters: string[] = [`color=c=black:s=${W}x${H}:r=25:d=${seconds}[base0]`];
	const usable = tracks.filter((track) => track.offsetMs < durationMs);
	const screens = usable.filter((track) => track.source === 'screen');
	const cameras = usable.filter((track) => track.source === 'camera');
	const audios = usable.filter((track) => track.kind === 'audio');
	const indexOf = (track: RecordedTrack) => {
		inputs.push('-i', `${dir}/${track.file}`);
		return inputs.length / 2 - 1;
	};
	const pictures = [
		...(screens.length ? screens : cameras).map((track) => ({ track, w: W, h: H, x: '(W-w)/2', y: '(H-h)/2' })),
		...(screens.length ? cameras : []).map((track) => ({ track, w: INSET_W, h: INSET_H, x: `W-w-24`, y: `H-h-24` }))
	];
	let base = 'base0';
	pictures.forEach(({ track, w, h, x, y }, n) => {
		const i = indexOf(track);
		const shift = (track.offsetMs / 1000).toFixed(3);
		filters.push(`[${i}:v]scale=${w}:${h}:force_original_aspect_ratio=decrease,setpts=PTS-STARTPTS+${shift}/TB[v${n}]`);
		filters.push(`[${base}][v${n}]overlay=x=${x}:y=${y}:eof_action=pass[base${n + 1}]`);
		base = `base${n + 1}`;
	});
	filters.push(`[${base}]null[vout]`);
	if (audios.length === 0) filters.push(`anullsrc=r=48000:cl=stereo,atrim=duration=${seconds}[aout]`);
	else {
		const labels = audios.map((track, n) => {
			const i = indexOf(track);
			filters.push(`[${i}:a]asetpts=PTS-STARTPTS,adelay=${Math.round(track.offsetMs)}:all=1[a${n}]`);
			return `[a${n}]`;
		});
		filters.push(`${labels.join('')}amix=inputs=${labels.length}:duration=longest:normalize=0,apad[aout]`);
	}
	return [
		'-hide_banner',
		'-nostdin',
		'-y',
		'-loglevel',
		'error',
		'-progress',
		'pipe:1',
		...inputs,
		'-filter_complex',
		filters.join(';'),
		'-map',
		'[vout]',
		'-map',
		'[aout]',
		...format.video,
		...format.audio,
		...format.container,
		'-t',
		seconds,
		output
	];
}

/** Progress 0–99 from one `-progress` block's `out_time_us` (100 is set once the file is stored). */
export function progressFrom(line: string, durationMs: number): number | undefined {
	const match = /^out_time_us=(\d+)$/.exec(line.trim());
	if (!match || durationMs <= 0) return undefined;
	return Math.min(99, Math.max(0, Math.floor((Number(match[1]) / 1000 / durationMs) * 100)));
}
