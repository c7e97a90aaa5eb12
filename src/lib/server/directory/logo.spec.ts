import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { LOGO_MAX_BYTES, processLogo, sniffImageType } from './logo';
import { LogoDimensionsError, LogoNotImageError, LogoTooLargeError } from './errors';

const image = (format: 'png' | 'jpeg' | 'webp', width = 600, height = 300) =>
	sharp({ create: { width, height, channels: 3, background: '#0b5c73' } })
		.withMetadata({ exif: { IFD0: { Copyright: 'secret camera owner' } } })
		[format]()
		.toBuffer();

describe('sniffImageType', () => {
	it('reads the type from the first bytes', async () => {
		expect(sniffImageType(await image('png'))).toBe('image/png');
		expect(sniffImageType(await image('jpeg'))).toBe('image/jpeg');
		expect(sniffImageType(await image('webp'))).toBe('image/webp');
		expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(sniffImageType(new Uint8Array())).toBeNull();
	});
});

describe('processLogo', () => {
	it.each(['png', 'jpeg', 'webp'] as const)(
		're-encodes a %s to a WebP of at most 256 px without metadata',
		async (format) => {
			const logo = await processLogo(await image(format));
			const meta = await sharp(logo.bytes).metadata();
			expect(meta.format).toBe('webp');
			expect([meta.width, meta.height]).toEqual([256, 128]);
			expect(meta.exif).toBeUndefined();
			expect(logo.contentType).toBe('image/webp');
		}
	);

	it('does not enlarge a small logo', async () => {
		const logo = await processLogo(await image('png', 40, 20));
		expect([logo.width, logo.height]).toEqual([40, 20]);
	});

	it('refuses what is not a PNG, JPEG or WebP by its bytes', async () => {
		const svg = new TextEncoder().encode(
			'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
		);
		await expect(processLogo(svg)).rejects.toBeInstanceOf(LogoNotImageError);
		await expect(processLogo(new TextEncoder().encode('just some text, named logo.png'))).rejects.toBeInstanceOf(
			LogoNotImageError
		);
		// A PNG signature in front of garbage is still not an image.
		const fake = new Uint8Array([
			0x89,
			0x50,
			0x4e,
			0x47,
			0x0d,
			0x0a,
			0x1a,
			0x0a,
			...new TextEncoder().encode('not really')
		]);
		await expect(processLogo(fake)).rejects.toBeInstanceOf(LogoNotImageError);
		// A truncated PNG: header fine, pixels missing.
		const png = await image('png');
		await expect(processLogo(png.subarray(0, 60))).rejects.toBeInstanceOf(LogoNotImageError);
	});

	it('refuses files over 2 MB before looking inside', async () => {
		await expect(processLogo(new Uint8Array(LOGO_MAX_BYTES + 1))).rejects.toBeInstanceOf(LogoTooLargeError);
	});

	it('refuses absurd dimensions', async () => {
		const wide = await sharp({ create: { width: 8001, height: 2, channels: 3, background: '#fff' } })
			.png()
			.toBuffer();
		await expect(processLogo(wide)).rejects.toBeInstanceOf(LogoDimensionsError);
	});
});
