// Reads just enough of a VP8 RTP payload (RFC 7741) to tell where a keyframe starts.

/** True for the first packet of a VP8 keyframe: start of partition 0 with the P (inter) bit clear. */
export function isVp8KeyframeStart(payload: Uint8Array): boolean {
	if (payload.length < 2) return false;
	const first = payload[0];
	const start = (first & 0x10) !== 0;
	const partition = first & 0x07;
	if (!start || partition !== 0) return false;
	let offset = 1;
	if (first & 0x80) {
		const extension = payload[1];
		offset = 2;
		if (extension & 0x80) offset += payload[offset] & 0x80 ? 2 : 1; // PictureID, 7 or 15 bits
		if (extension & 0x40) offset += 1; // TL0PICIDX
		if (extension & 0x30) offset += 1; // TID / KEYIDX
	}
	return offset < payload.length && (payload[offset] & 0x01) === 0;
}

/** Where the picture id and TL0PICIDX of a VP8 payload descriptor sit (-1: absent), and their values. */
export type Vp8Ids = { pictureId: number; pictureIdBits: 0 | 7 | 15; tl0PicIdx: number; tl0At: number; length: number };

/** Reads the ids a decoder uses to chain frames; undefined for a payload too short to hold its descriptor. */
export function readVp8Ids(payload: Uint8Array): Vp8Ids | undefined {
	if (payload.length < 1) return undefined;
	const ids: Vp8Ids = { pictureId: -1, pictureIdBits: 0, tl0PicIdx: -1, tl0At: -1, length: 1 };
	if (!(payload[0] & 0x80)) return ids;
	if (payload.length < 2) return undefined;
	const extension = payload[1];
	let offset = 2;
	if (extension & 0x80) {
		if (offset >= payload.length) return undefined;
		if (payload[offset] & 0x80) {
			if (offset + 1 >= payload.length) return undefined;
			ids.pictureId = ((payload[offset] & 0x7f) << 8) | payload[offset + 1];
			ids.pictureIdBits = 15;
			offset += 2;
		} else {
			ids.pictureId = payload[offset] & 0x7f;
			ids.pictureIdBits = 7;
			offset += 1;
		}
	}
	if (extension & 0x40) {
		if (offset >= payload.length) return undefined;
		ids.tl0PicIdx = payload[offset];
		ids.tl0At = offset;
		offset += 1;
	}
	ids.length = offset;
	return ids;
}

/**
 * A copy of the descriptor of `payload` with its picture id and TL0PICIDX moved by the given
 * offsets (a viewer's stream continues across a change of source or simulcast layer); the rest of
 * the payload is left to the caller, so nothing but these few bytes is copied.
 */
export function shiftedVp8Descriptor(
	payload: Uint8Array,
	ids: Vp8Ids,
	pictureIdOffset: number,
	tl0Offset: number
): Buffer {
	const prefix = Buffer.from(payload.subarray(0, ids.length));
	if (ids.pictureIdBits === 15) {
		const id = (ids.pictureId + pictureIdOffset) & 0x7fff;
		prefix[2] = 0x80 | (id >> 8);
		prefix[3] = id & 0xff;
	} else if (ids.pictureIdBits === 7) prefix[2] = (ids.pictureId + pictureIdOffset) & 0x7f;
	if (ids.tl0At >= 0) prefix[ids.tl0At] = (ids.tl0PicIdx + tl0Offset) & 0xff;
	return prefix;
}
