// Where an error page sends people next, from the address they asked for and who they are.
export type NextStep = { kind: 'register_session' | 'sign_in' | 'section' | 'retry'; href: string; section?: Section };
export type Section = 'directory' | 'testbed' | 'courses' | 'ir' | 'needs' | 'schedule' | 'admin';

const SECTIONS: Record<string, Section> = {
	directory: 'directory',
	orgs: 'directory',
	testbed: 'testbed',
	courses: 'courses',
	certificates: 'courses',
	ir: 'ir',
	needs: 'needs',
	schedule: 'schedule',
	meetings: 'schedule'
};

export function errorNextStep(path: string, search: string, status: number, signedIn: boolean): NextStep | null {
	const parts = path.split('/').filter(Boolean);
	// A live room, a deck or any page of one IR session: the session's page is where to register.
	if (parts[0] === 'ir' && parts[1] && parts[1] !== 'new' && parts.length > 2 && status !== 500)
		return { kind: 'register_session', href: `/ir/${parts[1]}` };
	if (status === 401 || (status === 403 && !signedIn))
		return { kind: 'sign_in', href: `/login?next=${encodeURIComponent(path + search)}` };
	if (status >= 500) return { kind: 'retry', href: path + search };
	const section = SECTIONS[parts[0] ?? ''];
	// Already at the section's own page: going "back" to it would loop.
	if (!section || (parts.length === 1 && status === 404 && section !== 'directory')) return null;
	const root = section === 'directory' ? '/directory' : section === 'schedule' ? '/schedule' : `/${section}`;
	return path === root ? null : { kind: 'section', href: root, section };
}
