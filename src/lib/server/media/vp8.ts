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
