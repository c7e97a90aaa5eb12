// Chooses the process's media backend from MEDIA_BACKEND: the embedded werift SFU (default) or
// Janus's VideoRoom. The Janus variables are read here, beside the choice (README "Media plane on Janus").
import { z } from 'zod';
import type { MediaBackend } from './backend';
import type { MediaBackendConfig } from './werift-backend';
import type { MediaLogger } from './werift-room';

const janusEnvSchema = z.object({
	MEDIA_BACKEND: z.enum(['werift', 'janus']).default('werift'),
	JANUS_URL: z.string().url().default('http://127.0.0.1:8088/janus'),
	/** Several Janus servers (comma-separated); each new room goes to the least loaded. Overrides JANUS_URL. */
	JANUS_URLS: z
		.string()
		.transform((list) =>
			list
				.split(',')
				.map((url) => url.trim())
				.filter(Boolean)
		)
		.pipe(z.array(z.string().url()).min(1))
		.optional(),
	/** Rooms one Janus server is meant to carry; placement compares rooms / capacity. */
	JANUS_ROOM_CAPACITY: z.coerce.number().int().min(1).max(100_000).default(100),
	JANUS_API_SECRET: z.string().max(256).optional(),
	JANUS_ADMIN_SECRET: z.string().max(256).optional()
});

export type MediaBackendChoice = z.infer<typeof janusEnvSchema>;

/** Reads MEDIA_BACKEND and the JANUS_* variables; throws on a bad value (at start, like readConfig). */
export function readMediaBackendChoice(env: Record<string, string | undefined> = process.env): MediaBackendChoice {
	const blankless = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const parsed = janusEnvSchema.safeParse(blankless);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Invalid media configuration: ${issue.path.join('.')}: ${issue.message}`);
	}
	return parsed.data;
}

export async function createSelectedMediaBackend(
	config: MediaBackendConfig,
	logger: MediaLogger,
	choice = readMediaBackendChoice()
): Promise<MediaBackend> {
	if (choice.MEDIA_BACKEND === 'janus') {
		const { createJanusBackend } = await import('./janus/janus-backend');
		const connect = (url: string) =>
			createJanusBackend(
				{ JANUS_URL: url, JANUS_API_SECRET: choice.JANUS_API_SECRET, MEDIA_ICE_SERVERS: config.MEDIA_ICE_SERVERS },
				logger
			);
		if (!choice.JANUS_URLS || choice.JANUS_URLS.length === 1)
			return connect(choice.JANUS_URLS?.[0] ?? choice.JANUS_URL);
		const { createJanusPool } = await import('./janus/janus-pool');
		return createJanusPool(
			choice.JANUS_URLS.map((url) => ({ url, backend: connect(url), capacity: choice.JANUS_ROOM_CAPACITY }))
		);
	}
	const { createMediaBackend } = await import('./werift-backend');
	return createMediaBackend(config, logger);
}
