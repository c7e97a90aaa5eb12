import { describe, expect, it } from 'vitest';
import { readMediaBackendChoice } from './select-backend';

describe('readMediaBackendChoice', () => {
	it('defaults to the embedded werift SFU', () => {
		expect(readMediaBackendChoice({})).toMatchObject({ MEDIA_BACKEND: 'werift', JANUS_URL: 'http://127.0.0.1:8088/janus' });
		expect(readMediaBackendChoice({ MEDIA_BACKEND: '' }).MEDIA_BACKEND).toBe('werift');
	});

	it('reads the Janus URL and secrets', () => {
		const choice = readMediaBackendChoice({ MEDIA_BACKEND: 'janus', JANUS_URL: 'http://10.0.0.5:8088/janus', JANUS_API_SECRET: 's3cret', JANUS_ADMIN_SECRET: 'adm' });
		expect(choice).toEqual({ MEDIA_BACKEND: 'janus', JANUS_URL: 'http://10.0.0.5:8088/janus', JANUS_API_SECRET: 's3cret', JANUS_ADMIN_SECRET: 'adm' });
	});

	it('refuses an unknown backend or a URL that is not one, naming the variable', () => {
		expect(() => readMediaBackendChoice({ MEDIA_BACKEND: 'mediasoup' })).toThrow(/MEDIA_BACKEND/);
		expect(() => readMediaBackendChoice({ MEDIA_BACKEND: 'janus', JANUS_URL: 'not a url' })).toThrow(/JANUS_URL/);
	});
});
