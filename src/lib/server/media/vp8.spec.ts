import { describe, expect, it } from 'vitest';
import { isVp8KeyframeStart } from './vp8';

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
