// Catches a typo in the seed data files before anything is written, instead of seeding half a world.
import type { MemberRole, OrgStatus } from '../db/types';

type OrgFacts = { slug: string; status: OrgStatus };
type UserFacts = { email: string; org: string; role: MemberRole };

/** Throws one error listing every inconsistency: duplicates, unknown organisations, ownerless verified ones. */
export function checkSeedData(organizations: readonly OrgFacts[], users: readonly UserFacts[]): void {
	const problems: string[] = [];
	const slugs = new Set<string>();
	for (const org of organizations) {
		if (slugs.has(org.slug)) problems.push(`duplicate organisation ${org.slug}`);
		slugs.add(org.slug);
	}
	const emails = new Set<string>();
	for (const user of users) {
		const email = user.email.toLowerCase();
		if (emails.has(email)) problems.push(`duplicate e-mail ${email}`);
		emails.add(email);
		if (!slugs.has(user.org)) problems.push(`${email} belongs to unknown organisation ${user.org}`);
	}
	for (const org of organizations) {
		if (org.status === 'verified' && !users.some((u) => u.org === org.slug && u.role === 'owner')) {
			problems.push(`verified organisation ${org.slug} has no owner`);
		}
	}
	if (problems.length > 0) throw new Error(`Demo seed data is inconsistent:\n${problems.join('\n')}`);
}
