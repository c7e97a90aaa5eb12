// A fresh TOTP key for the enrolment form: its base32 text (kept in a hidden field until confirmed)
// and the otpauth:// QR code the authenticator app scans.
import { qrCode } from '$lib/server/common/qr';
import { decodeTotpKey, encodeTotpKey, generateTotpKey, totpKeyUri } from '$lib/server/auth/totp';

export function totpEnrolment(email: string, encodedKey?: string) {
	const key = (encodedKey && decodeTotpKey(encodedKey)) || generateTotpKey();
	const text = encodeTotpKey(key);
	return { key: text, keyGroups: text.match(/.{1,4}/g)?.join(' ') ?? text, qr: qrCode(totpKeyUri(email, key), 2) };
}
