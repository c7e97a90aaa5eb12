// The one iCalendar (RFC 5545) writer: single-event downloads and subscribed feeds alike. UTC times,
// CRLF line ends, TEXT escaping, lines folded at 75 octets without splitting a UTF-8 character.

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export type IcsEvent = {
	/** Stable across every change of the item, e.g. `booking-<id>@host`. */
	uid: string;
	/** Rises whenever time or status change, so calendar apps replace their copy. */
	sequence: number;
	stamp: Date;
	start: Date;
	end: Date;
	status: IcsStatus;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
};

export type IcsCalendar = {
	prodId: string;
	/** PUBLISH for feeds and downloads; CANCEL for a single cancelled item's download. */
	method?: 'PUBLISH' | 'CANCEL';
	/** X-WR-CALNAME: the name a subscribed calendar shows. */
	name?: string;
	/** How often a subscriber should re-read the feed (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
	refreshMinutes?: number;
	events: IcsEvent[];
};

/** `20261123T041805Z` */
export const utcStamp = (date: Date) =>
	date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export const escapeText = (text: string) =>
	text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const encoder = new TextEncoder();

/** Splits a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).length;
		// The first line holds 75 octets; the rest 74 after their leading space.
		const limit = parts.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			parts.push(current);
			current = '';
			octets = 0;
		}
		current += char;
		octets += size;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function eventLines(event: IcsEvent): string[] {
	const lines = [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`DTSTART:${utcStamp(event.start)}`,
		`DTEND:${utcStamp(event.end)}`,
		`STATUS:${event.status}`,
		`SUMMARY:${escapeText(event.summary)}`
	];
	if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
	if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
	if (event.url) lines.push(`URL:${event.url}`);
	lines.push('END:VEVENT');
	return lines;
}

export function writeCalendar(calendar: IcsCalendar): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${calendar.prodId}`,
		'CALSCALE:GREGORIAN',
		`METHOD:${calendar.method ?? 'PUBLISH'}`
	];
	if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
	if (calendar.refreshMinutes) {
		const duration = `PT${calendar.refreshMinutes}M`;
		lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${duration}`, `X-PUBLISHED-TTL:${duration}`);
	}
	for (const event of calendar.events) lines.push(...eventLines(event));
	lines.push('END:VCALENDAR');
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A calendar as an HTTP answer: private, never cached by proxies. */
export function calendarResponse(body: string, filename: string, options: { attachment?: boolean } = {}): Response {
	const disposition = options.attachment === false ? 'inline' : 'attachment';
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `${disposition}; filename="${filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
