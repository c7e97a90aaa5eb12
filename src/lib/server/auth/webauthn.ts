// WebAuthn ceremonies verified after lucia-auth.com's passkey guide, with @oslojs/webauthn. Pure: the
// caller supplies the expected challenge, relying party id and origin, and stores what comes back.
import {
	ClientDataType,
	coseAlgorithmES256,
	coseAlgorithmRS256,
	coseEllipticCurveP256,
	COSEKeyType,
	createAssertionSignatureMessage,
	parseAttestationObject,
	parseAuthenticatorData,
	parseClientDataJSON,
	type AuthenticatorData
} from '@oslojs/webauthn';
import {
	decodePKIXECDSASignature,
	decodeSEC1PublicKey,
	ECDSAPublicKey,
	p256,
	verifyECDSASignature
} from '@oslojs/crypto/ecdsa';
import {
	decodePKCS1RSAPublicKey,
	RSAPublicKey,
	sha256ObjectIdentifier,
	verifyRSASSAPKCS1v15Signature
} from '@oslojs/crypto/rsa';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

export class WebAuthnVerificationError extends Error {}

export type Expected = { challenge: Uint8Array; rpId: string; origin: string };
export type RegisteredCredential = { id: Uint8Array; algorithm: number; publicKey: Uint8Array };

function checkClientData(clientDataJSON: Uint8Array, type: ClientDataType, expected: Expected) {
	let clientData;
	try {
		clientData = parseClientDataJSON(clientDataJSON);
	} catch {
		throw new WebAuthnVerificationError('client data');
	}
	if (clientData.type !== type) throw new WebAuthnVerificationError('type');
	const challengeOk =
		clientData.challenge.length === expected.challenge.length &&
		constantTimeEqual(clientData.challenge, expected.challenge);
	if (!challengeOk) throw new WebAuthnVerificationError('challenge');
	if (clientData.origin !== expected.origin) throw new WebAuthnVerificationError('origin');
	if (clientData.crossOrigin) throw new WebAuthnVerificationError('cross origin');
}

function checkAuthenticatorData(data: AuthenticatorData, rpId: string) {
	if (!data.verifyRelyingPartyIdHash(rpId)) throw new WebAuthnVerificationError('relying party');
	// A passkey counts as two factors only when the authenticator checked who holds it.
	if (!data.userPresent || !data.userVerified) throw new WebAuthnVerificationError('user verification');
}

/** Checks a navigator.credentials.create() response; returns the credential to store. */
export function verifyRegistration(
	response: { attestationObject: Uint8Array; clientDataJSON: Uint8Array },
	expected: Expected
): RegisteredCredential {
	checkClientData(response.clientDataJSON, ClientDataType.Create, expected);
	let authenticatorData: AuthenticatorData;
	try {
		authenticatorData = parseAttestationObject(response.attestationObject).authenticatorData;
	} catch {
		throw new WebAuthnVerificationError('attestation object');
	}
	checkAuthenticatorData(authenticatorData, expected.rpId);
	const credential = authenticatorData.credential;
	if (!credential) throw new WebAuthnVerificationError('no credential');
	const algorithm = credential.publicKey.algorithm();
	if (algorithm === coseAlgorithmES256) {
		if (credential.publicKey.type() !== COSEKeyType.EC2) throw new WebAuthnVerificationError('key type');
		const key = credential.publicKey.ec2();
		if (key.curve !== coseEllipticCurveP256) throw new WebAuthnVerificationError('curve');
		return { id: credential.id, algorithm, publicKey: new ECDSAPublicKey(p256, key.x, key.y).encodeSEC1Uncompressed() };
	}
	if (algorithm === coseAlgorithmRS256) {
		if (credential.publicKey.type() !== COSEKeyType.RSA) throw new WebAuthnVerificationError('key type');
		const key = credential.publicKey.rsa();
		return { id: credential.id, algorithm, publicKey: new RSAPublicKey(key.n, key.e).encodePKCS1() };
	}
	throw new WebAuthnVerificationError('algorithm');
}

/** Checks a navigator.credentials.get() response against the stored credential. */
export function verifyAssertion(
	response: { authenticatorData: Uint8Array; clientDataJSON: Uint8Array; signature: Uint8Array },
	credential: { algorithm: number; publicKey: Uint8Array },
	expected: Expected
): void {
	checkClientData(response.clientDataJSON, ClientDataType.Get, expected);
	let authenticatorData: AuthenticatorData;
	try {
		authenticatorData = parseAuthenticatorData(response.authenticatorData);
	} catch {
		throw new WebAuthnVerificationError('authenticator data');
	}
	checkAuthenticatorData(authenticatorData, expected.rpId);
	const hash = sha256(createAssertionSignatureMessage(response.authenticatorData, response.clientDataJSON));
	let valid = false;
	try {
		if (credential.algorithm === coseAlgorithmES256) {
			const key = decodeSEC1PublicKey(p256, credential.publicKey);
			valid = verifyECDSASignature(key, hash, decodePKIXECDSASignature(response.signature));
		} else if (credential.algorithm === coseAlgorithmRS256) {
			valid = verifyRSASSAPKCS1v15Signature(
				decodePKCS1RSAPublicKey(credential.publicKey),
				sha256ObjectIdentifier,
				hash,
				response.signature
			);
		}
	} catch {
		valid = false;
	}
	if (!valid) throw new WebAuthnVerificationError('signature');
}

/** Relying party id and origin from the request's origin, which adapter-node takes from ORIGIN when set. */
export function relyingParty(requestOrigin: string): { rpId: string; origin: string } {
	const url = new URL(requestOrigin);
	return { rpId: url.hostname, origin: url.origin };
}
