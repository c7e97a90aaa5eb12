import pino from 'pino';

export function createLogger(level: string) {
	// Asynchronous writes: lines logged while a write is in flight go out together in one syscall,
	// instead of one write per request line (about a tenth of a page's CPU under load). Nothing waits
	// for a buffer to fill, so an idle server still shows each line at once; pino flushes on exit.
	const destination = pino.destination({ dest: 1, sync: false });
	return pino({ level, base: { service: 'medcluster' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

export type Logger = ReturnType<typeof createLogger>;
