// Zod's issues in the reader's language: installed once as zod's global error map.
import { z } from 'zod';
import * as m from '$lib/paraglide/messages';

const messageFor: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined || issue.input === null || issue.input === ''
				? m.validation_required()
				: m.validation_invalid();
		case 'too_small':
			if (issue.origin === 'string')
				return Number(issue.minimum) <= 1
					? m.validation_required()
					: m.validation_too_short({ min: String(issue.minimum) });
			if (issue.origin === 'number') return m.validation_too_small({ min: String(issue.minimum) });
			return m.validation_invalid();
		case 'too_big':
			if (issue.origin === 'string') return m.validation_too_long({ max: String(issue.maximum) });
			if (issue.origin === 'number') return m.validation_too_big({ max: String(issue.maximum) });
			return m.validation_invalid();
		case 'invalid_format':
			if (issue.format === 'email') return m.validation_email();
			if (issue.format === 'url') return m.validation_url();
			return m.validation_invalid();
		case 'invalid_value':
			return m.validation_choice();
		default:
			return m.validation_invalid();
	}
};

export function installZodMessages() {
	z.config({ customError: messageFor });
}
