// A synthetic camera for Chromium's fake capture: 1280x720 at 30 fps, two seconds of moving
// texture (a scrolling pattern with fine noise), so a VP8 encoder needs its full bitrate budget.
import { existsSync, openSync, writeSync, closeSync } from 'node:fs';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = 60;

export function writeTestVideo(path: string): string {
	if (existsSync(path)) return path;
	const fd = openSync(path, 'w');
	writeSync(fd, `YUV4MPEG2 W${WIDTH} H${HEIGHT} F30:1 Ip A1:1 C420jpeg\n`);
	const luma = Buffer.alloc(WIDTH * HEIGHT);
	const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2));
	let seed = 12345;
	const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 0xff;
	for (let frame = 0; frame < FRAMES; frame++) {
		for (let y = 0; y < HEIGHT; y++)
			for (let x = 0; x < WIDTH; x++)
				luma[y * WIDTH + x] = (((x + frame * 8) ^ (y + frame * 3)) & 0xff) / 2 + (random() & 0x3f);
		writeSync(fd, 'FRAME\n');
		writeSync(fd, luma);
		for (const shift of [frame * 2, frame * 5]) {
			for (let i = 0; i < chroma.length; i++) chroma[i] = 128 + ((((i + shift) >> 4) & 0x1f) - 16);
			writeSync(fd, chroma);
		}
	}
	closeSync(fd);
	return path;
}
