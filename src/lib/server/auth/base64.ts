// Base64 fields of the passkey forms (standard or URL alphabet) to bytes, or null when malformed.
import { decodeBase64IgnorePadding, decodeBase64urlIgnorePadding, encodeBase64 } from '@oslojs/encoding';

export function bytesFromBase64(text: string): Uint8Array | null {
	try {
		return /[-_]/.test(text) ? decodeBase64urlIgnorePadding(text) : decodeBase64IgnorePadding(text);
	} catch {
		return null;
	}
}

export const base64FromBytes = (bytes: Uint8Array) => encodeBase64(bytes);
