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
	return zone && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}
