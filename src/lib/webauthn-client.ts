// Browser side of passkeys: base64 transport of WebAuthn buffers and the two ceremonies, talking to
// form actions (so SvelteKit's CSRF check applies) and reading their results with deserialize().
import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';

export function toBase64(buffer: ArrayBuffer | Uint8Array): string {
	const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export const passkeysSupported = () =>
	typeof window !== 'undefined' && 'PublicKeyCredential' in window && !!navigator.credentials;

/** Posts `fields` to a form action and returns its result. */
export async function postAction(action: string, fields: Record<string, string>): Promise<ActionResult> {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const response = await fetch(action, {
		method: 'POST',
		body,
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	return deserialize(await response.text());
}

export type RegistrationOptions = {
	challenge: string;
	rpId: string;
	rpName: string;
	userId: string;
	userName: string;
	userDisplayName: string;
	exclude: string[];
};

export async function createPasskey(options: RegistrationOptions) {
	const credential = (await navigator.credentials.create({
		publicKey: {
			challenge: fromBase64(options.challenge),
			rp: { id: options.rpId, name: options.rpName },
			user: { id: fromBase64(options.userId), name: options.userName, displayName: options.userDisplayName },
			pubKeyCredParams: [
				{ type: 'public-key', alg: -7 },
				{ type: 'public-key', alg: -257 }
			],
			excludeCredentials: options.exclude.map((id) => ({ type: 'public-key' as const, id: fromBase64(id) })),
			authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
			attestation: 'none'
		}
	})) as PublicKeyCredential | null;
	if (!credential) throw new Error('no credential');
	const response = credential.response as AuthenticatorAttestationResponse;
	return { attestationObject: toBase64(response.attestationObject), clientDataJSON: toBase64(response.clientDataJSON) };
}

export async function getPasskey(options: { challenge: string; rpId: string }) {
	const credential = (await navigator.credentials.get({
		publicKey: { challenge: fromBase64(options.challenge), rpId: options.rpId, userVerification: 'required' }
	})) as PublicKeyCredential | null;
	if (!credential) throw new Error('no credential');
	const response = credential.response as AuthenticatorAssertionResponse;
	return {
		credentialId: toBase64(credential.rawId),
		authenticatorData: toBase64(response.authenticatorData),
		clientDataJSON: toBase64(response.clientDataJSON),
		signature: toBase64(response.signature)
	};
}
