// A readable device name from a user agent ("Chrome on Windows"): enough to recognise one's own
// sessions and to notice a sign-in from somewhere new, without a user-agent database.

const BROWSERS: [RegExp, string][] = [
	[/\bEdg(?:e|A|iOS)?\//, 'Edge'],
	[/\bOPR\/|\bOpera\b/, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\bWhale\//, 'Whale'],
	[/\bFirefox\/|\bFxiOS\//, 'Firefox'],
	[/\bHeadlessChrome\//, 'Chrome (headless)'],
	[/\bChrome\/|\bCriOS\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
	[/\bcurl\//, 'curl']
];

const SYSTEMS: [RegExp, string][] = [
	[/\biPhone\b/, 'iPhone'],
	[/\biPad\b/, 'iPad'],
	[/\bAndroid\b/, 'Android'],
	[/\bWindows\b/, 'Windows'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

const find = (table: [RegExp, string][], userAgent: string) => table.find(([pattern]) => pattern.test(userAgent))?.[1];

/** "Browser on System", whichever parts are known, or null when nothing is recognised. */
export function describeDevice(userAgent: string | null | undefined): string | null {
	if (!userAgent) return null;
	const browser = find(BROWSERS, userAgent);
	const system = find(SYSTEMS, userAgent);
	if (browser && system) return `${browser} · ${system}`;
	return browser ?? system ?? null;
}
