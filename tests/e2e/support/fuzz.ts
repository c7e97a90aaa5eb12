// Hostile values for the robustness fuzz: what PostgreSQL refuses or JavaScript cannot encode, and
// request bodies shaped from the OpenAPI document so every text field gets them.

export const evilStrings = [
	{ name: 'NUL', value: 'before\u0000after' },
	{ name: 'controls', value: 'bell\u0007esc\u001b\u007f' },
	{ name: 'lone high surrogate', value: 'text\uD800' },
	{ name: 'lone low surrogate', value: '\uDC00text' }
];

/** The JSON text of `[[[…]]]` nested `depth` times, built as text: encoders recurse and would overflow first. */
export const deepJsonText = (depth: number) => `${'['.repeat(depth)}"leaf"${']'.repeat(depth)}`;

type JsonSchema = {
	$ref?: string;
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
	enum?: unknown[];
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	allOf?: JsonSchema[];
	format?: string;
};
type Operation = { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
export type OpenApiDoc = {
	paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>>;
	components?: { schemas?: Record<string, JsonSchema> };
};

/** A value of `schema` whose every string is `evil` (enums keep a valid member, so parsing goes deeper). */
export function fillSchema(doc: OpenApiDoc, schema: JsonSchema | undefined, evil: string, depth = 0): unknown {
	if (!schema || depth > 8) return { text: evil };
	if (schema.$ref) return fillSchema(doc, doc.components?.schemas?.[schema.$ref.split('/').pop()!], evil, depth + 1);
	const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
	if (choice) return fillSchema(doc, choice, evil, depth + 1);
	if (schema.enum) return schema.enum[0];
	const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
	if (type === 'object' || schema.properties)
		return Object.fromEntries(
			Object.entries(schema.properties ?? {}).map(([key, value]) => [key, fillSchema(doc, value, evil, depth + 1)])
		);
	if (type === 'array') return [fillSchema(doc, schema.items, evil, depth + 1)];
	if (type === 'integer' || type === 'number') return 1;
	if (type === 'boolean') return true;
	return evil;
}

/** Client → server socket events outside a live room's media plane (see ClientToServerEvents); `ack` when the client waits for a reply. */
export const SOCKET_EVENTS: { name: string; ack: boolean }[] = [
	{ name: 'notifications:mark_read', ack: true },
	{ name: 'needs:join', ack: true },
	{ name: 'needs:leave', ack: false },
	{ name: 'needs:post', ack: true },
	{ name: 'needs:read', ack: false },
	...[
		'ir:join',
		'ir:leave',
		'ir:chat_post',
		'ir:chat_delete',
		'ir:question_ask',
		'ir:question_vote',
		'ir:question_moderate',
		'ir:poll_create',
		'ir:poll_answer',
		'ir:poll_close',
		'ir:hand_raise',
		'ir:hand_lower',
		'ir:speaker_promote',
		'ir:speaker_demote',
		'ir:participant_remove',
		'ir:session_start',
		'ir:session_end'
	].map((name) => ({ name, ack: true }))
];
