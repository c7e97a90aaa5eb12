// Which Chromium the e2e tests drive: CHROMIUM_PATH, else the system's, else Playwright's own download.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const HOW_TO_INSTALL =
	'Install one with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable.';

function playwrightChromium(): string | undefined {
	try {
		return chromium.executablePath();
	} catch {
		return undefined;
	}
}

export function resolveChromiumPath(env: Record<string, string | undefined> = process.env): string {
	const configured = env.CHROMIUM_PATH;
	if (configured) {
		// A path the user gave that does not exist is a mistake worth stopping for, not a reason to guess.
		if (!existsSync(configured))
			throw new Error(`CHROMIUM_PATH is ${configured}, but no file is there. ${HOW_TO_INSTALL}`);
		return configured;
	}
	if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
	const bundled = playwrightChromium();
	if (bundled && existsSync(bundled)) return bundled;
	throw new Error(
		`No Chromium found for the e2e tests (looked at ${SYSTEM_CHROMIUM} and Playwright's browser folder). ${HOW_TO_INSTALL}`
	);
}

/** Flags for a headless Chromium in containers and CI: no sandbox, GPU, or background traffic. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
