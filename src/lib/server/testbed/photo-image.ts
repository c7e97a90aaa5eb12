// Turns an uploaded resource photo into two WebPs (page size and a list thumbnail). As for logos, the
// type comes from the bytes, never from the name or the client; SVG and everything not PNG/JPEG/WebP
// is refused, and re-encoding drops metadata (EXIF location) and anything hidden in the file.
import sharp from 'sharp';
import { sniffImageType, type ImageType } from '../directory/logo';
import { PhotoDimensionsError, PhotoNotImageError, PhotoTooLargeError } from './photo-errors';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 8000;
export const PHOTO_SIZE = 1600;
export const THUMB_WIDTH = 480;
export const THUMB_HEIGHT = 320;

const SHARP_FORMAT: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

export type ProcessedPhoto = {
	bytes: Uint8Array;
	thumb: Uint8Array;
	contentType: 'image/webp';
	width: number;
	height: number;
};

export async function processPhoto(input: Uint8Array): Promise<ProcessedPhoto> {
	if (input.byteLength > PHOTO_MAX_BYTES) throw new PhotoTooLargeError(PHOTO_MAX_BYTES);
	const type = sniffImageType(input);
	if (!type) throw new PhotoNotImageError();
	// The pixel limit stops decompression bombs before any pixel is decoded.
	const options = { limitInputPixels: PHOTO_MAX_PIXELS * PHOTO_MAX_PIXELS, failOn: 'error' } as const;
	let metadata: sharp.Metadata;
	try {
		metadata = await sharp(input, options).metadata();
	} catch {
		throw new PhotoNotImageError();
	}
	if (metadata.format !== SHARP_FORMAT[type] || !metadata.width || !metadata.height) throw new PhotoNotImageError();
	if (metadata.width > PHOTO_MAX_PIXELS || metadata.height > PHOTO_MAX_PIXELS)
		throw new PhotoDimensionsError(PHOTO_MAX_PIXELS);
	try {
		const [full, thumb] = await Promise.all([
			sharp(input, options)
				.rotate()
				.resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'inside', withoutEnlargement: true })
				.webp({ quality: 82 })
				.toBuffer({ resolveWithObject: true }),
			sharp(input, options)
				.rotate()
				.resize(THUMB_WIDTH, THUMB_HEIGHT, { fit: 'cover' })
				.webp({ quality: 78 })
				.toBuffer()
		]);
		return {
			bytes: new Uint8Array(full.data),
			thumb: new Uint8Array(thumb),
			contentType: 'image/webp',
			width: full.info.width,
			height: full.info.height
		};
	} catch {
		// Headers that parse but pixels that do not (a truncated file) are no image either.
		throw new PhotoNotImageError();
	}
}
