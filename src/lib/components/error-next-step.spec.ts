import { describe, expect, it } from 'vitest';
import { errorNextStep } from './error-next-step';

describe('errorNextStep', () => {
	it('sends someone refused a live room to the session page to register', () => {
		expect(errorNextStep('/ir/abc/live', '', 403, true)).toEqual({ kind: 'register_session', href: '/ir/abc' });
		expect(errorNextStep('/ir/abc/live', '', 403, false)).toEqual({ kind: 'register_session', href: '/ir/abc' });
	});
	it('asks a visitor to sign in and come back', () => {
		expect(errorNextStep('/testbed/manage', '?x=1', 403, false)).toEqual({
			kind: 'sign_in',
			href: '/login?next=%2Ftestbed%2Fmanage%3Fx%3D1'
		});
		expect(errorNextStep('/settings', '', 401, false)?.kind).toBe('sign_in');
	});
	it('offers the section a missing or forbidden page belongs to', () => {
		expect(errorNextStep('/orgs/nope', '', 404, true)).toEqual({
			kind: 'section',
			href: '/directory',
			section: 'directory'
		});
		expect(errorNextStep('/testbed/manage/resources/x', '', 403, true)).toEqual({
			kind: 'section',
			href: '/testbed',
			section: 'testbed'
		});
		expect(errorNextStep('/nowhere', '', 404, false)).toBeNull();
		expect(errorNextStep('/testbed', '', 404, false)).toBeNull();
	});
	it('offers to try again after a server error', () => {
		expect(errorNextStep('/needs/1', '?a=b', 500, true)).toEqual({ kind: 'retry', href: '/needs/1?a=b' });
	});
});
