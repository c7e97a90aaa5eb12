// Chooses the process's media backend from MEDIA_BACKEND: the embedded werift SFU (default) or
// Janus's VideoRoom. The Janus variables are read here, beside the choice (README "Media plane on Janus").
import { z } from 'zod';
import type { MediaBackend } from './backend';
import type { MediaBackendConfig } from './werift-backend';
import type { MediaLogger } from './werift-room';

const janusEnvSchema = z.object({
	MEDIA_BACKEND: z.enum(['werift', 'janus']).default('werift'),
	JANUS_URL: z.string().url().default('http://127.0.0.1:8088/janus'),
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

export async function createSelectedMediaBackend(config: MediaBackendConfig, logger: MediaLogger, choice = readMediaBackendChoice()): Promise<MediaBackend> {
	if (choice.MEDIA_BACKEND === 'janus') {
		const { createJanusBackend } = await import('./janus/janus-backend');
		return createJanusBackend({ JANUS_URL: choice.JANUS_URL, JANUS_API_SECRET: choice.JANUS_API_SECRET, MEDIA_ICE_SERVERS: config.MEDIA_ICE_SERVERS }, logger);
	}
	const { createMediaBackend } = await import('./werift-backend');
	return createMediaBackend(config, logger);
}
