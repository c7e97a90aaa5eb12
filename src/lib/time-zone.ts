export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export function isValidTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

export function resolveTimeZone(zone: string | null | undefined): string {
	// Most readers have the default: skip building an Intl formatter per request for it.
	if (!zone || zone === DEFAULT_TIME_ZONE) return DEFAULT_TIME_ZONE;
	return isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
