// Shared Intl formatters. Building an Intl.DateTimeFormat with a time zone costs tens of
// microseconds, and pages format dozens of dates each; a formatter is immutable and gives the same
// answer for the same locale and options, so one per distinct (locale, options) serves everyone.
// Bounded: a flood of distinct options (say, arbitrary time zones) cannot grow it without limit.
const LIMIT = 512;
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(store: Map<string, T>, key: string, make: () => T): T {
	let value = store.get(key);
	if (value === undefined) {
		if (store.size >= LIMIT) store.clear();
		value = make();
		store.set(key, value);
	}
	return value;
}

export function dateTimeFormat(
	locale: string | undefined,
	options: Intl.DateTimeFormatOptions = {}
): Intl.DateTimeFormat {
	return cached(
		dateTimeFormats,
		`${locale}|${JSON.stringify(options)}`,
		() => new Intl.DateTimeFormat(locale, options)
	);
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}
