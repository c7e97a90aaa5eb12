// The translated messages of the relation error codes (spread into http/errors.ts).
import * as m from '$lib/paraglide/messages';

export const relationsErrorMessages = {
	relation_exists: (_p, o) => m.relation_error_exists({}, o),
	relation_not_other_side: (_p, o) => m.relation_error_not_other_side({}, o),
	relation_not_declarer: (_p, o) => m.relation_error_not_declarer({}, o),
	relation_not_open: (_p, o) => m.relation_error_not_open({}, o),
	relation_org_unknown: (_p, o) => m.relation_error_org_unknown({}, o)
} satisfies Record<string, (p: Record<string, string | number>, o?: { locale: 'ko' | 'en' }) => string>;
