import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/runtime';
import { unsubscribeFromDigest } from '$lib/server/needs/digest';

// The digest e-mail's opt-out link: no sign-in needed, the secret in the link is the credential.
// Opening the link changes nothing (mail scanners open links); the button does.
export const load = (async ({ params }) => ({
	valid: /^mcf[a-z2-7]{32}$/.test(params.token)
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ params }) => ({ done: await unsubscribeFromDigest(getDb(), params.token) })
} satisfies Actions;
