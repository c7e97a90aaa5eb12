import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { getDb } from '$lib/server/runtime';
import { renderMarkdown } from '$lib/server/markdown';
import { listOrganizationTerms, listTerms } from '$lib/server/directory/taxonomy-repository';
import { previewSchema, profileSchema } from '$lib/server/directory/profile-schemas';
import { removeLogo, replaceLogo, updateProfile } from '$lib/server/directory/profile-service';
import { LOGO_MAX_BYTES } from '$lib/server/directory/logo';
import { LogoTooLargeError } from '$lib/server/directory/errors';
import { adminAction, loadEditableOrg } from '../org-admin.server';

export const load = (async (event) => {
	const { org } = await loadEditableOrg(event);
	const db = getDb();
	const [terms, selected] = await Promise.all([listTerms(db), listOrganizationTerms(db, org.id)]);
	return { org, terms, selectedTermIds: selected.map((t) => t.id) };
}) satisfies PageServerLoad;

const logoSchema = z.object({
	logo: z
		.instanceof(File, { error: () => m.profile_logo_required() })
		.refine((file) => file.size > 0, { error: () => m.profile_logo_required() })
});

// Multipart overhead on top of the file itself.
const LOGO_MAX_BODY = LOGO_MAX_BYTES + 64 * 1024;

export const actions = {
	save: (event) =>
		adminAction(
			event,
			profileSchema,
			{ formId: 'profile', lists: ['terms'] },
			async ({ actor, orgId, data, context }) => {
				await updateProfile(getDb(), actor, orgId, data, context);
				return { saved: true };
			}
		),
	// Renders the Markdown as the public page will, so the preview works without JavaScript too.
	preview: (event) =>
		adminAction(event, previewSchema, { formId: 'profile', lists: ['terms'] }, async ({ data, values, lists }) => ({
			preview: { ko: renderMarkdown(data.descriptionKo), en: renderMarkdown(data.descriptionEn) },
			values,
			lists
		})),
	logo: (event) =>
		adminAction(
			event,
			logoSchema,
			{ formId: 'logo', maxBody: { bytes: LOGO_MAX_BODY, error: new LogoTooLargeError(LOGO_MAX_BYTES) } },
			async ({ actor, orgId, data, context }) => {
				await replaceLogo(getDb(), actor, orgId, new Uint8Array(await data.logo.arrayBuffer()), context);
				return { logoSaved: true };
			}
		),
	removeLogo: (event) =>
		adminAction(event, z.object({}), { formId: 'logo' }, async ({ actor, orgId, context }) => {
			await removeLogo(getDb(), actor, orgId, context);
			return { logoRemoved: true };
		})
} satisfies Actions;
