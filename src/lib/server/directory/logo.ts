// Turns an uploaded logo into a small WebP: the type comes from the bytes, never from the name or the client.
import sharp from 'sharp';
import { LogoDimensionsError, LogoNotImageError, LogoTooLargeError } from './errors';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_PIXELS = 8000;
export const LOGO_SIZE = 256;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

/** The image type its first bytes declare; SVG, GIF, text and everything else yield null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	// "RIFF" <size> "WEBP"
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	return null;
}

const SHARP_FORMAT: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

export type ProcessedLogo = { bytes: Uint8Array; contentType: 'image/webp'; width: number; height: number };

/** Checks size, type and dimensions, then re-encodes to a WebP of at most 256×256 without metadata. */
export async function processLogo(input: Uint8Array): Promise<ProcessedLogo> {
	if (input.byteLength > LOGO_MAX_BYTES) throw new LogoTooLargeError(LOGO_MAX_BYTES);
	const type = sniffImageType(input);
	if (!type) throw new LogoNotImageError();
	// The pixel limit stops decompression bombs before any pixel is decoded.
	const options = { limitInputPixels: LOGO_MAX_PIXELS * LOGO_MAX_PIXELS, failOn: 'error' } as const;
	let metadata: sharp.Metadata;
	try {
		metadata = await sharp(input, options).metadata();
	} catch {
		throw new LogoNotImageError();
	}
	// A PNG signature glued to another format's body is not the image it claims to be.
	if (metadata.format !== SHARP_FORMAT[type] || !metadata.width || !metadata.height) throw new LogoNotImageError();
	if (metadata.width > LOGO_MAX_PIXELS || metadata.height > LOGO_MAX_PIXELS)
		throw new LogoDimensionsError(LOGO_MAX_PIXELS);
	try {
		const { data, info } = await sharp(input, options)
			.rotate() // apply the EXIF orientation before the metadata is dropped
			.resize(LOGO_SIZE, LOGO_SIZE, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 85 })
			.toBuffer({ resolveWithObject: true });
		return { bytes: new Uint8Array(data), contentType: 'image/webp', width: info.width, height: info.height };
	} catch {
		// Headers that parse but pixels that do not (a truncated file) are no image either.
		throw new LogoNotImageError();
	}
}
