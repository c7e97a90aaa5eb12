// Burns the viewer into every page image they load (name, firm, time in their zone), so a leaked
// screenshot names its source. The overlay is an SVG composited by sharp; every text is XML-escaped
// because names are user input.
import sharp from 'sharp';

export type WatermarkViewer = { name: string; firm: string | null; timeZone: string };

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The viewer's local time as "2026-12-04 16:10 (Asia/Seoul)"; an unknown zone falls back to UTC. */
export function localStamp(at: Date, timeZone: string): string {
	let zone = timeZone;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
	} catch {
		zone = 'UTC';
	}
	const parts = new Intl.DateTimeFormat('sv-SE', {
		timeZone: zone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(at);
	return `${parts} (${zone})`;
}

export function watermarkLines(viewer: WatermarkViewer, at: Date): string[] {
	return [viewer.name, viewer.firm ?? '', localStamp(at, viewer.timeZone)].filter((l) => l.length > 0);
}

/** The SVG overlay for a page of width × height: the lines, diagonal, repeated, translucent. */
export function overlaySvg(lines: string[], width: number, height: number): string {
	const size = Math.max(12, Math.round(width / 40));
	const text = lines.map((l, i) => `<tspan x="0" dy="${i === 0 ? 0 : size * 1.3}">${escapeXml(l)}</tspan>`).join('');
	const rows: string[] = [];
	for (let y = size * 2; y < height; y += size * 8) {
		for (let x = size; x < width; x += size * 22) {
			rows.push(`<text transform="translate(${x} ${y}) rotate(-20)">${text}</text>`);
		}
	}
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
		`<g font-family="Noto Sans CJK KR, Noto Sans, sans-serif" font-size="${size}" fill="#000" fill-opacity="0.18">` +
		rows.join('') +
		`</g></svg>`
	);
}

/** The page image with the viewer's watermark, as JPEG. */
export async function watermarkPage(page: Buffer, viewer: WatermarkViewer, at: Date): Promise<Buffer> {
	const image = sharp(page);
	const { width = 1, height = 1 } = await image.metadata();
	const svg = overlaySvg(watermarkLines(viewer, at), width, height);
	return image
		.composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
		.jpeg({ quality: 80 })
		.toBuffer();
}
