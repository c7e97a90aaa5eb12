// Reads the process environment once, with defaults; every variable is listed in the README.
import { z } from 'zod';

const flag = z
	.enum(['true', 'false', '1', '0', 'yes', 'no'])
	.transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
	DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
	DATA_DIR: z.string().default('./data'),
	DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
	SEED_DEMO: flag.default(true),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('MedCluster <no-reply@medcluster.local>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	RATE_LIMIT_DISABLED: flag.default(false)
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
