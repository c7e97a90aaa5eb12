import { describe, expect, it } from 'vitest';
import { isVp8KeyframeStart, readVp8Ids, shiftedVp8Descriptor } from './vp8';

describe('isVp8KeyframeStart', () => {
	it('finds a keyframe start behind a 15-bit picture id', () => {
		// X=1 S=1 PID=0 | I=1 | M=1 picture id (2 bytes) | VP8 header with P=0
		expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x10, 0x02, 0x00]))).toBe(true);
	});
	it('refuses inter frames, continuation packets and other partitions', () => {
		expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x11, 0x02]))).toBe(false);
		expect(isVp8KeyframeStart(Uint8Array.from([0x80, 0x80, 0x81, 0x23, 0x10]))).toBe(false);
		expect(isVp8KeyframeStart(Uint8Array.from([0x11, 0x10]))).toBe(false);
	});
	it('reads the short form without extension bytes', () => {
		expect(isVp8KeyframeStart(Uint8Array.from([0x10, 0x10, 0x02]))).toBe(true);
		expect(isVp8KeyframeStart(Uint8Array.from([0x10]))).toBe(false);
	});
	it('skips TL0PICIDX and TID bytes', () => {
		expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x60, 0x05, 0x20, 0x30]))).toBe(true);
		expect(isVp8KeyframeStart(Uint8Array.from([0x90, 0x60, 0x05, 0x20, 0x31]))).toBe(false);
	});
});

describe('readVp8Ids and shiftedVp8Descriptor', () => {
	it('reads and moves a 15-bit picture id and TL0PICIDX', () => {
		const payload = Uint8Array.from([0x90, 0xe0, 0x81, 0x23, 0x07, 0x20, 0x00]);
		const ids = readVp8Ids(payload)!;
		expect(ids).toMatchObject({ pictureId: 0x123, pictureIdBits: 15, tl0PicIdx: 7, length: 5 });
		expect([...shiftedVp8Descriptor(payload, ids, 0x7fff, 250)]).toEqual([0x90, 0xe0, 0x81, 0x22, 0x01]);
	});
	it('reads a 7-bit picture id, and nothing from the short form', () => {
		const short = Uint8Array.from([0x90, 0x80, 0x05, 0x10]);
		expect(readVp8Ids(short)).toMatchObject({ pictureId: 5, pictureIdBits: 7, tl0PicIdx: -1, length: 3 });
		expect([...shiftedVp8Descriptor(short, readVp8Ids(short)!, 125, 0)]).toEqual([0x90, 0x80, 0x02]);
		expect(readVp8Ids(Uint8Array.from([0x10, 0x00]))).toMatchObject({ pictureId: -1, tl0PicIdx: -1, length: 1 });
	});
	it('refuses a descriptor cut short', () => {
		expect(readVp8Ids(Uint8Array.from([0x90, 0x80, 0x81]))).toBeUndefined();
		expect(readVp8Ids(Uint8Array.from([]))).toBeUndefined();
	});
});
