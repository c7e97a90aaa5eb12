// The SFU's per-viewer send path in C: one call builds the RTP header, protects the packet with
// SRTP AEAD_AES_128_GCM (RFC 7714) on a cipher context keyed once per viewer, and writes it to the
// viewer's UDP socket with one sendto(2). Node's crypto needs a new cipher object per packet (it
// cannot take a new IV), and dgram adds a lookup, a request object and a tick per datagram; this
// replaces both for the hot path only. Negotiation, DTLS, RTCP and every other packet stay with
// werift; media/native-srtp.ts loads this (built by scripts/build-native.js) and falls back to the
// JavaScript path when it is absent.
//
// OpenSSL and N-API come from the Node binary that loads the addon (its headers ship with Node).
#define NAPI_VERSION 8
#include <node_api.h>
#include <openssl/evp.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define KEY_BYTES 16
#define SALT_BYTES 12
#define TAG_BYTES 16
#define HEADER_BYTES 12
/** An RTP packet on one datagram: at most 64 KiB, in practice < 1,300 bytes. */
#define MAX_PACKET 65507

typedef struct {
	EVP_CIPHER_CTX *ctx;
	uint8_t salt[SALT_BYTES];
} GcmKey;

static void free_key(napi_env env, void *data, void *hint) {
	(void)env;
	(void)hint;
	GcmKey *key = data;
	EVP_CIPHER_CTX_free(key->ctx);
	free(key);
}

static napi_value throw_type(napi_env env, const char *message) {
	napi_throw_type_error(env, NULL, message);
	return NULL;
}

static int buffer_arg(napi_env env, napi_value value, uint8_t **data, size_t *length) {
	bool is_buffer = false;
	if (napi_is_buffer(env, value, &is_buffer) != napi_ok || !is_buffer) return 0;
	return napi_get_buffer_info(env, value, (void **)data, length) == napi_ok;
}

/** gcmKey(masterKey: Buffer(16), salt: Buffer(12)): an opaque key (the AES key schedule, kept). */
static napi_value gcm_key(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2];
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	uint8_t *key_bytes, *salt;
	size_t key_length, salt_length;
	if (argc < 2 || !buffer_arg(env, argv[0], &key_bytes, &key_length) || key_length != KEY_BYTES ||
	    !buffer_arg(env, argv[1], &salt, &salt_length) || salt_length != SALT_BYTES)
		return throw_type(env, "gcmKey(key: 16-byte Buffer, salt: 12-byte Buffer)");
	GcmKey *key = calloc(1, sizeof(GcmKey));
	if (!key) return throw_type(env, "out of memory");
	key->ctx = EVP_CIPHER_CTX_new();
	if (!key->ctx || EVP_EncryptInit_ex(key->ctx, EVP_aes_128_gcm(), NULL, key_bytes, NULL) != 1) {
		EVP_CIPHER_CTX_free(key->ctx);
		free(key);
		return throw_type(env, "AES-128-GCM is not available");
	}
	memcpy(key->salt, salt, SALT_BYTES);
	napi_value external;
	napi_create_external(env, key, free_key, NULL, &external);
	return external;
}

/** sockaddr(host: string, port: number): the address as sendto(2) takes it, or null. */
static napi_value make_sockaddr(napi_env env, napi_callback_info info) {
	size_t argc = 2;
	napi_value argv[2], result;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	char host[64];
	size_t host_length = 0;
	uint32_t port = 0;
	if (argc < 2 || napi_get_value_string_utf8(env, argv[0], host, sizeof host, &host_length) != napi_ok ||
	    napi_get_value_uint32(env, argv[1], &port) != napi_ok || port == 0 || port > 65535)
		return throw_type(env, "sockaddr(host: string, port: 1–65535)");
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
	memset(&v4, 0, sizeof v4);
	memset(&v6, 0, sizeof v6);
	void *copy;
	if (inet_pton(AF_INET, host, &v4.sin_addr) == 1) {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((uint16_t)port);
		napi_create_buffer_copy(env, sizeof v4, &v4, &copy, &result);
	} else if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((uint16_t)port);
		napi_create_buffer_copy(env, sizeof v6, &v6, &copy, &result);
	} else {
		napi_get_null(env, &result);
	}
	return result;
}

static inline void put16(uint8_t *at, uint32_t value) {
	at[0] = (uint8_t)(value >> 8);
	at[1] = (uint8_t)value;
}
static inline void put32(uint8_t *at, uint32_t value) {
	at[0] = (uint8_t)(value >> 24);
	at[1] = (uint8_t)(value >> 16);
	at[2] = (uint8_t)(value >> 8);
	at[3] = (uint8_t)value;
}

/**
 * send(fd, key, markerAndType, seq, timestamp, ssrc, roc, payload, prefix | null, sockaddr):
 * writes one SRTP packet; returns the bytes written, or -errno (-EAGAIN: the socket's buffer is
 * full, the packet is dropped as a congested network would). `prefix`, when given, replaces as
 * many bytes at the start of `payload` (rewritten VP8 descriptor).
 */
static napi_value send_packet(napi_env env, napi_callback_info info) {
	size_t argc = 10;
	napi_value argv[10], result;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	int32_t fd;
	uint32_t marker_and_type, seq, timestamp, ssrc, roc;
	GcmKey *key = NULL;
	uint8_t *payload, *prefix = NULL, *address;
	size_t payload_length, prefix_length = 0, address_length;
	napi_valuetype prefix_type;
	if (argc < 10 || napi_get_value_int32(env, argv[0], &fd) != napi_ok ||
	    napi_get_value_external(env, argv[1], (void **)&key) != napi_ok || !key ||
	    napi_get_value_uint32(env, argv[2], &marker_and_type) != napi_ok ||
	    napi_get_value_uint32(env, argv[3], &seq) != napi_ok ||
	    napi_get_value_uint32(env, argv[4], &timestamp) != napi_ok ||
	    napi_get_value_uint32(env, argv[5], &ssrc) != napi_ok || napi_get_value_uint32(env, argv[6], &roc) != napi_ok ||
	    !buffer_arg(env, argv[7], &payload, &payload_length) || napi_typeof(env, argv[8], &prefix_type) != napi_ok ||
	    (prefix_type != napi_null && !buffer_arg(env, argv[8], &prefix, &prefix_length)) ||
	    !buffer_arg(env, argv[9], &address, &address_length) ||
	    (address_length != sizeof(struct sockaddr_in) && address_length != sizeof(struct sockaddr_in6)))
		return throw_type(env, "send(fd, key, markerAndType, seq, timestamp, ssrc, roc, payload, prefix, sockaddr)");
	if (prefix_length > payload_length || HEADER_BYTES + payload_length + TAG_BYTES > MAX_PACKET)
		return throw_type(env, "send: the payload does not fit one datagram");

	uint8_t stack[2048];
	size_t total = HEADER_BYTES + payload_length + TAG_BYTES;
	uint8_t *packet = total <= sizeof stack ? stack : malloc(total);
	if (!packet) return throw_type(env, "out of memory");
	packet[0] = 0x80;
	packet[1] = (uint8_t)marker_and_type;
	put16(packet + 2, seq);
	put32(packet + 4, timestamp);
	put32(packet + 8, ssrc);

	// RFC 7714 section 8.1: IV = salt XOR (00 00 | SSRC | ROC | SEQ); the header is the AAD.
	uint8_t iv[SALT_BYTES] = {0};
	put32(iv + 2, ssrc);
	put32(iv + 6, roc);
	put16(iv + 10, seq);
	for (int i = 0; i < SALT_BYTES; i++) iv[i] ^= key->salt[i];

	int length = 0, ok = EVP_EncryptInit_ex(key->ctx, NULL, NULL, NULL, iv) == 1 &&
	                     EVP_EncryptUpdate(key->ctx, NULL, &length, packet, HEADER_BYTES) == 1;
	uint8_t *out = packet + HEADER_BYTES;
	if (ok && prefix_length > 0) {
		ok = EVP_EncryptUpdate(key->ctx, out, &length, prefix, (int)prefix_length) == 1;
		out += length;
	}
	if (ok) {
		ok = EVP_EncryptUpdate(key->ctx, out, &length, payload + prefix_length, (int)(payload_length - prefix_length)) == 1;
		out += length;
	}
	if (ok) ok = EVP_EncryptFinal_ex(key->ctx, out, &length) == 1;
	if (ok) ok = EVP_CIPHER_CTX_ctrl(key->ctx, EVP_CTRL_GCM_GET_TAG, TAG_BYTES, packet + HEADER_BYTES + payload_length) == 1;

	ssize_t sent = -EPROTO;
	if (ok) {
		sent = sendto(fd, packet, total, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)address, (socklen_t)address_length);
		if (sent < 0) sent = -errno;
	}
	if (packet != stack) free(packet);
	napi_create_int32(env, (int32_t)sent, &result);
	return result;
}

static napi_value init(napi_env env, napi_value exports) {
	napi_property_descriptor properties[] = {
	    {"gcmKey", NULL, gcm_key, NULL, NULL, NULL, napi_default_jsproperty, NULL},
	    {"sockaddr", NULL, make_sockaddr, NULL, NULL, NULL, napi_default_jsproperty, NULL},
	    {"send", NULL, send_packet, NULL, NULL, NULL, napi_default_jsproperty, NULL},
	};
	napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
	return exports;
}

NAPI_MODULE_INIT() { return init(env, exports); }
