// A credential or certificate as its holder should read it: valid, expired or revoked.
export type HoldingStatus = 'valid' | 'expired' | 'revoked';

export function holdingStatus(h: { expires_at: Date | null; revoked_at?: Date | null }, now: Date): HoldingStatus {
	if (h.revoked_at) return 'revoked';
	if (h.expires_at && h.expires_at <= now) return 'expired';
	return 'valid';
}
