import { describe, expect, it } from 'vitest';
import { readMediaBackendChoice } from './select-backend';

describe('readMediaBackendChoice', () => {
	it('defaults to the embedded werift SFU', () => {
		expect(readMediaBackendChoice({})).toMatchObject({
			MEDIA_BACKEND: 'werift',
			JANUS_URL: 'http://127.0.0.1:8088/janus'
		});
		expect(readMediaBackendChoice({ MEDIA_BACKEND: '' }).MEDIA_BACKEND).toBe('werift');
	});

	it('reads the Janus URL and secrets', () => {
		const choice = readMediaBackendChoice({
			MEDIA_BACKEND: 'janus',
			JANUS_URL: 'http://10.0.0.5:8088/janus',
			JANUS_API_SECRET: 's3cret',
			JANUS_ADMIN_SECRET: 'adm'
		});
		expect(choice).toEqual({
			MEDIA_BACKEND: 'janus',
			JANUS_URL: 'http://10.0.0.5:8088/janus',
			JANUS_API_SECRET: 's3cret',
			JANUS_ADMIN_SECRET: 'adm',
			JANUS_ROOM_CAPACITY: 100
		});
	});

	it('refuses an unknown backend or a URL that is not one, naming the variable', () => {
		expect(() => readMediaBackendChoice({ MEDIA_BACKEND: 'mediasoup' })).toThrow(/MEDIA_BACKEND/);
		expect(() => readMediaBackendChoice({ MEDIA_BACKEND: 'janus', JANUS_URL: 'not a url' })).toThrow(/JANUS_URL/);
	});

	it('reads a list of Janus servers and their room capacity', () => {
		const choice = readMediaBackendChoice({
			MEDIA_BACKEND: 'janus',
			JANUS_URLS: 'http://10.0.0.5:8088/janus, http://10.0.0.6:8088/janus',
			JANUS_ROOM_CAPACITY: '40'
		});
		expect(choice.JANUS_URLS).toEqual(['http://10.0.0.5:8088/janus', 'http://10.0.0.6:8088/janus']);
		expect(choice.JANUS_ROOM_CAPACITY).toBe(40);
		expect(() =>
			readMediaBackendChoice({ MEDIA_BACKEND: 'janus', JANUS_URLS: 'http://10.0.0.5:8088/janus,nope' })
		).toThrow(/JANUS_URLS/);
	});
});
