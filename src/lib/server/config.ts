// Reads the process environment once, with defaults; every variable is listed in the README.
import { z } from 'zod';
import { parseTotpEncryptionKey } from './common/totp-secret';

const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z
	.object({
		DATABASE_URL: z
			.string()
			.url()
			.optional()
			.or(z.literal('').transform(() => undefined)),
		DATA_DIR: z.string().default('./data'),
		DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
		SEED_DEMO: flag.default(true),
		SMTP_URL: z.string().optional(),
		MAIL_FROM: z.string().default('MedCluster <no-reply@medcluster.local>'),
		LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
		RATE_LIMIT_DISABLED: flag.default(false),
		// TOTP keys are encrypted with it (README "Sign-in security"); unset: a fixed development key.
		TOTP_ENCRYPTION_KEY: z
			.string()
			.optional()
			.superRefine((value, ctx) => {
				try {
					parseTotpEncryptionKey(value);
				} catch (error) {
					ctx.addIssue({ code: 'custom', message: (error as Error).message });
				}
			}),
		// IR recordings: see README "IR recordings and replay". RECORDINGS_DIR defaults to DATA_DIR/recordings.
		RECORDINGS_DIR: z
			.string()
			.optional()
			.or(z.literal('').transform(() => undefined)),
		RECORDING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
		// Personal data retention (README "Personal data"): chat of IR sessions that ended this many days ago is removed.
		IR_CHAT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
		// Availability alerts (README "Testbed"): how long a freed slot is held for the person waiting.
		SLOT_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
		// Anonymous readers of public pages (README "Page performance"): how many seconds a shared
		// cache may keep such a page; 0 turns the in-process cache off.
		PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
		// Media plane (SFU): see README "Media plane (SFU)".
		MEDIA_LISTEN_IP: z.union([z.ipv4(), z.ipv6()]).default('0.0.0.0'),
		MEDIA_ANNOUNCED_IP: z
			.union([z.ipv4(), z.ipv6()])
			.optional()
			.or(z.literal('').transform(() => undefined)),
		MEDIA_PORT_MIN: z.coerce.number().int().min(1024).max(65535).default(40000),
		MEDIA_PORT_MAX: z.coerce.number().int().min(1024).max(65535).default(49999),
		// werift fan-out worker threads; unset = cores − 1 (at least 1), 0 = forward on the main thread.
		MEDIA_WORKERS: z.preprocess(
			(value) => (value === '' ? undefined : value),
			z.coerce.number().int().min(0).max(64).optional()
		),
		MEDIA_ICE_SERVERS: z
			.string()
			.default('[]')
			.transform((text, ctx) => {
				try {
					return JSON.parse(text) as unknown;
				} catch {
					ctx.addIssue({ code: 'custom', message: 'MEDIA_ICE_SERVERS must be a JSON list' });
					return z.NEVER;
				}
			})
			.pipe(
				z.array(
					z.object({
						urls: z.union([
							z.string().regex(/^(stun|stuns|turn|turns):/),
							z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1)
						]),
						username: z.string().optional(),
						credential: z.string().optional()
					})
				)
			)
	})
	.refine((config) => config.MEDIA_PORT_MIN <= config.MEDIA_PORT_MAX, {
		path: ['MEDIA_PORT_MAX'],
		message: 'must not be below MEDIA_PORT_MIN'
	});

export type AppConfig = z.infer<typeof schema>;

export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${problems}`);
	}
	return parsed.data;
}
